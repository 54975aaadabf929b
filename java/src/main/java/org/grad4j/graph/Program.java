package org.grad4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.grad4j.backend.Backend;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * A graph compiled for one backend: every op result placed in one arena by the graph's
 * {@link MemoryPlan} (or, for kernels that write from index 0, in an array of its own), every view
 * resolved to strides over its base, every op lowered to backend calls. A run binds the inputs
 * and parameters to their tensors' storage (no copy when contiguous) and makes no tensors; then
 * it writes the state updates into their parameters' tensors. A parameter that is written is
 * read from a copy made when the run starts, so that no write can change what the run reads.
 */
final class Program {
    private final Graph graph;
    private final Backend backend;
    private final Slot[] slots;
    private final Slot[] inputs;
    private final Slot[] parameters;
    private final Tensor[] parameterTensors;
    /** Whether a parameter is written by a state update: a run then reads a copy of it. */
    private final boolean[] parameterWritten;
    /** The state updates' values, and the tensors each run writes them into. */
    private final Slot[] updateValues;

    private final Tensor[] updateTargets;
    /** Views of inputs and parameters, which take their place from their base on each run. */
    private final Slot[] boundViews;

    private final Runnable[] steps;
    private final int splitStep;
    private final long arenaBytes;
    private final long ownBytes;

    /**
     * Compiles a graph; {@code outputArrays[i]}, where not null, is where output i is written (it
     * must be an op result, not a view, of that many elements), instead of the arena.
     */
    Program(Graph graph, float[][] outputArrays) {
        this(graph, outputArrays, graph.nodes().size());
    }

    /**
     * Compiles a graph whose nodes from {@code splitNode} on (its backward part) run separately,
     * by {@link #runBackward}, after {@link #runForward}.
     */
    Program(Graph graph, float[][] outputArrays, int splitNode) {
        this.graph = graph;
        this.backend = Backend.current();
        List<Node> nodes = graph.nodes();
        int n = nodes.size();
        Views.Layout[] layouts = Views.of(graph);
        float[][] redirected = new float[n][];
        for (int i = 0; outputArrays != null && i < outputArrays.length; i++) {
            Node producer = graph.producer(graph.outputs().get(i));
            if (outputArrays[i] != null
                    && producer.kind() == Node.Kind.OP
                    && layouts[producer.output().id()] == null
                    && redirected[producer.output().id()] == null
                    && outputArrays[i].length
                            == org.grad4j.internal.tensor.Shapes.numel(
                                    producer.output().shape())) {
                redirected[producer.output().id()] = outputArrays[i];
            }
        }
        boolean[] own = ownBuffers(nodes);
        boolean[] elsewhere = new boolean[n];
        for (int i = 0; i < n; i++) {
            elsewhere[i] = own[i] || redirected[i] != null;
        }
        MemoryPlan plan = MemoryPlan.of(graph, elsewhere);
        if (plan.arenaBytes() / 4 > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("compile: the graph needs an arena of " + plan.arenaBytes()
                    + " bytes, more than one Java array holds");
        }
        float[] arena = new float[(int) (plan.arenaBytes() / 4)];
        slots = new Slot[n];
        List<Slot> in = new ArrayList<>();
        List<Slot> params = new ArrayList<>();
        List<Tensor> paramTensors = new ArrayList<>();
        List<Boolean> written = new ArrayList<>();
        List<Slot> views = new ArrayList<>();
        boolean[] bound = new boolean[n];
        long ownBytes = 0;
        for (Node node : nodes) {
            int id = node.output().id();
            int[] shape = node.output().shape();
            switch (node.kind()) {
                case INPUT -> {
                    slots[id] = Slot.contiguous(shape);
                    in.add(slots[id]);
                    bound[id] = true;
                }
                case PARAMETER -> {
                    slots[id] = Slot.contiguous(shape);
                    params.add(slots[id]);
                    paramTensors.add(graph.boundParameter(node.target()));
                    written.add(graph.updates().containsKey(node.target()));
                    bound[id] = true;
                }
                case CONSTANT -> slots[id] = Slot.contiguous(shape).place(graph.constant(id), 0);
                case OP -> {
                    Views.Layout layout = layouts[id];
                    if (layout != null) {
                        Slot view = new Slot(layout.shape(), layout.strides(), slots[layout.root()], layout.offset());
                        slots[id] = view;
                        bound[id] = bound[layout.root()];
                        if (bound[id]) {
                            views.add(view);
                        } else {
                            view.follow();
                        }
                        continue;
                    }
                    Slot s = Slot.contiguous(shape);
                    if (redirected[id] != null) {
                        s.place(redirected[id], 0);
                    } else if (own[id]) {
                        s.place(new float[s.numel], 0);
                        ownBytes += 4L * s.numel;
                    } else {
                        s.place(arena, (int) (plan.offset(node.output()) / 4));
                    }
                    slots[id] = s;
                }
            }
        }
        List<Runnable> program = new ArrayList<>();
        Lowering lowering = new Lowering(backend, program);
        int split = -1;
        for (Node node : nodes) {
            if (split < 0 && node.output().id() >= splitNode) {
                split = program.size();
            }
            if (node.kind() == Node.Kind.OP && slots[node.output().id()].base == null) {
                Slot[] args = node.inputs().stream().map(v -> slots[v.id()]).toArray(Slot[]::new);
                lowering.lower(node, args, slots[node.output().id()]);
            }
        }
        this.inputs = in.toArray(Slot[]::new);
        this.parameters = params.toArray(Slot[]::new);
        this.parameterTensors = paramTensors.toArray(Tensor[]::new);
        this.parameterWritten = new boolean[written.size()];
        for (int i = 0; i < parameterWritten.length; i++) {
            parameterWritten[i] = written.get(i);
        }
        this.updateValues = new Slot[graph.updates().size()];
        this.updateTargets = new Tensor[updateValues.length];
        int u = 0;
        for (Map.Entry<String, Value> e : graph.updates().entrySet()) {
            updateTargets[u] = graph.boundParameter(e.getKey());
            if (updateTargets[u] == null || e.getValue().id() >= splitNode) {
                throw new IllegalArgumentException("compile: the state update of '" + e.getKey() + "' "
                        + (updateTargets[u] == null
                                ? "writes a parameter bound to no tensor"
                                : "needs the backward part"));
            }
            updateValues[u++] = slots[e.getValue().id()];
        }
        this.boundViews = views.toArray(Slot[]::new);
        this.steps = program.toArray(Runnable[]::new);
        this.splitStep = split < 0 ? steps.length : split;
        this.arenaBytes = 4L * arena.length;
        this.ownBytes = ownBytes + lowering.scratchBytes();
    }

    /** Values that kernels write or read from index 0 of an array of their own. */
    private static boolean[] ownBuffers(List<Node> nodes) {
        boolean[] own = new boolean[nodes.size()];
        for (Node node : nodes) {
            if (Lowering.OWN_OUTPUT.contains(node.target())) {
                own[node.output().id()] = true;
                // the output gradient that a pooling or cross-entropy backward reads from index 0
                Value grad = node.inputs().get(node.inputs().size() - 1);
                if (node.target().endsWith("Backward")
                        && !Views.OPS.contains(nodes.get(grad.id()).target())) {
                    own[grad.id()] = nodes.get(grad.id()).kind() == Node.Kind.OP;
                }
            }
        }
        return own;
    }

    Graph graph() {
        return graph;
    }

    Backend backend() {
        return backend;
    }

    /** The arena's bytes, and the arrays held beside it (results written from index 0, kernels' scratch). */
    long bytes() {
        return arenaBytes + ownBytes;
    }

    long arenaBytes() {
        return arenaBytes;
    }

    /**
     * Runs the graph on these inputs with the bound parameters (shapes as compiled; not checked
     * here), then writes the state updates.
     */
    void run(Tensor... in) {
        bind(in, true);
        runSteps(0, steps.length);
        writeUpdates();
    }

    /**
     * Runs the forward part, then writes the state updates; inputs the backward part takes (output
     * gradients) may be null.
     */
    void runForward(Tensor... in) {
        bind(in, true);
        runSteps(0, splitStep);
        writeUpdates();
    }

    /**
     * Runs the backward part, after {@link #runForward} with the same forward inputs; it reads the
     * written parameters as that forward found them.
     */
    void runBackward(Tensor... in) {
        bind(in, false);
        runSteps(splitStep, steps.length);
    }

    /** Binds inputs and parameters; a written parameter is copied anew only when {@code copyWritten}. */
    private void bind(Tensor[] in, boolean copyWritten) {
        for (int i = 0; i < inputs.length; i++) {
            if (in[i] != null) {
                inputs[i].bind(in[i]);
            }
        }
        for (int i = 0; i < parameters.length; i++) {
            if (parameterWritten[i]) {
                if (copyWritten) {
                    parameters[i].bindCopy(parameterTensors[i]);
                }
            } else {
                parameters[i].bind(parameterTensors[i]);
            }
        }
        for (Slot v : boundViews) {
            v.follow();
        }
    }

    private void writeUpdates() {
        for (int i = 0; i < updateValues.length; i++) {
            Slot s = updateValues[i];
            Tensor t = updateTargets[i];
            backend.copy(s.shape, s.data, s.offset, s.strides, TensorInternals.data(t), t.storageOffset(), t.stride());
            TensorInternals.storage(t).bumpVersion();
        }
    }

    private void runSteps(int from, int to) {
        for (int i = from; i < to; i++) {
            steps[i].run();
        }
    }

    /** Where output i is after a run. */
    Slot output(int i) {
        return slots[graph.outputs().get(i).id()];
    }

    /** A fresh tensor with output i's values. */
    Tensor outputTensor(int i) {
        Slot s = output(i);
        Tensor t = Tensor.zeros(s.shape);
        backend.copy(
                s.shape,
                s.data,
                s.offset,
                s.strides,
                TensorInternals.data(t),
                0,
                org.grad4j.internal.tensor.Shapes.contiguousStrides(s.shape));
        return t;
    }

    /** Input i's slot, for callers that check shapes. */
    int[] inputShape(int i) {
        return inputs[i].shape;
    }

    int inputCount() {
        return inputs.length;
    }

    @Override
    public String toString() {
        return "Program(" + steps.length + " steps, " + Arrays.toString(inputs) + ")";
    }
}
