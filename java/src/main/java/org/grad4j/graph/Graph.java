package org.grad4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grad4j.internal.ops.OpRegistry;
import org.grad4j.nn.Module;
import org.grad4j.tensor.Tensor;

/**
 * A computation as a list of nodes in execution order: graph inputs, named parameters, constants,
 * and grad4j ops (by their public names, with attributes, static shapes and dtypes), plus the
 * values it returns and its state updates: the new values a run writes into parameters (a
 * module's buffers, such as batch norm's running statistics). Graphs are immutable: passes return
 * new ones. {@link #trace} records one from eager code; {@link GraphBuilder} builds one by hand;
 * {@link #run} executes it with the eager ops, so its results carry autograd history like eager
 * results.
 *
 * <pre>{@code
 * Graph g = Graph.trace(model, Tensor.zeros(64, 784));
 * System.out.println(g);            // one node per line
 * Tensor[] out = g.run(batch);      // the model's forward, from the graph
 * }</pre>
 */
public final class Graph {
    private final List<Node> nodes;
    private final List<Value> outputs;
    private final Map<String, Value> updates;
    private final Map<String, Tensor> bound;
    private final Tensor[] constants;
    private final List<Region> regions;

    Graph(
            List<Node> nodes,
            List<Value> outputs,
            Map<String, Value> updates,
            Map<String, Tensor> bound,
            List<Region> regions) {
        this.regions = List.copyOf(regions);
        this.nodes = List.copyOf(nodes);
        this.outputs = List.copyOf(outputs);
        this.updates = Collections.unmodifiableMap(new LinkedHashMap<>(updates));
        this.bound = Collections.unmodifiableMap(new LinkedHashMap<>(bound));
        this.constants = new Tensor[nodes.size()];
        for (Node n : this.nodes) {
            if (n.kind() == Node.Kind.CONSTANT) {
                constants[n.output().id()] =
                        Tensor.of(n.constantValues(), n.output().shape());
            }
        }
    }

    /**
     * Records what a module's forward does on example inputs: its parameters and buffers become
     * parameter nodes under their dotted names, bound to the module's tensors, and the buffers it
     * writes in place (batch norm's running statistics in training mode) state updates. Tracing
     * leaves the buffers as they were.
     *
     * @param model the module
     * @param exampleInputs one input (a module's forward takes one)
     * @return the graph, with the module's output as its one output
     * @throws GraphBreakException if the forward reads values into Java, writes in place where a
     *     graph cannot (see {@link #trace(java.util.function.Function, Tensor...)}) or calls a
     *     user-defined Function
     * @throws IllegalArgumentException if not exactly one input is given
     */
    public static Graph trace(Module model, Tensor... exampleInputs) {
        if (exampleInputs.length != 1) {
            throw new IllegalArgumentException(
                    "Graph.trace: a module's forward takes one input, got " + exampleInputs.length);
        }
        return trace(model, in -> new Tensor[] {model.forward(in[0])}, exampleInputs);
    }

    /** Records a function that uses a module: its parameters and buffers are named as the module names them. */
    static Graph trace(Module model, java.util.function.Function<Tensor[], Tensor[]> fn, Tensor... exampleInputs) {
        Map<Tensor, String> names = new java.util.IdentityHashMap<>();
        model.namedParameters().forEach((name, p) -> names.put(p, name));
        model.namedBuffers().forEach((name, b) -> names.put(b, name));
        return new Tracer(names).trace(fn, exampleInputs);
    }

    /**
     * Records what a function does on example inputs. Tensors it uses that it was not given become
     * parameters when they require grad (named {@code param0}, {@code param1}, ... and bound to
     * those tensors) and constants otherwise.
     *
     * <p>An in-place write ({@code add_}, {@code mul_}, {@code copy_}, {@code fill_}, ...) is
     * recorded as its out-of-place op, detached (eager autograd does not record the write), and
     * the tensor stands for that result from then on; written to a parameter, it is a state
     * update. The write still happens while tracing, so the traced code reads the values it would
     * read eagerly, and every tensor written is put back as it was when the trace ends. A write
     * to a tensor that shares memory with another tensor the code has used or made (a view, or
     * the base of one) is not functionalized, since the graph could not show it through the
     * other tensor; nor is a write to an input, or, under {@code noGrad}, to a tensor that
     * requires grad: each of these is a graph break.
     *
     * @param fn the function
     * @param exampleInputs its inputs
     * @return the graph, with the function's results as its outputs
     * @throws GraphBreakException if the function reads values into Java, writes in place where a
     *     graph cannot, or calls a user-defined Function
     */
    public static Graph trace(java.util.function.Function<Tensor[], Tensor[]> fn, Tensor... exampleInputs) {
        return new Tracer(new java.util.IdentityHashMap<>()).trace(fn, exampleInputs);
    }

    /**
     * Whether this thread is inside {@link #trace} (or a compile that traces), as {@code
     * torch.jit.is_tracing()}: code that would read tensor values into Java for a check can leave
     * the check out, since a trace records ops, not values.
     *
     * @return true while a trace records on this thread
     */
    public static boolean isTracing() {
        return org.grad4j.internal.trace.Tracing.current() != null;
    }

    /**
     * The nodes, in execution order.
     *
     * @return the nodes
     */
    public List<Node> nodes() {
        return nodes;
    }

    /**
     * The values each run is given, in order.
     *
     * @return the input values
     */
    public List<Value> inputs() {
        return nodes.stream()
                .filter(n -> n.kind() == Node.Kind.INPUT)
                .map(Node::output)
                .toList();
    }

    /**
     * The values a run returns, in order.
     *
     * @return the output values
     */
    public List<Value> outputs() {
        return outputs;
    }

    /**
     * The state updates: per parameter name, the value a run writes into that parameter's tensor
     * once every output is computed, in the order the traced code first wrote them.
     *
     * @return the updates, by parameter name
     */
    public Map<String, Value> updates() {
        return updates;
    }

    /**
     * The layers a trace recorded as a whole (recurrent layers, layer norm), in the order they
     * ended; empty for graphs that passes or a builder made.
     *
     * @return the regions
     */
    public List<Region> regions() {
        return regions;
    }

    /**
     * The parameters' names, in order.
     *
     * @return the names
     */
    public List<String> parameterNames() {
        return nodes.stream()
                .filter(n -> n.kind() == Node.Kind.PARAMETER)
                .map(Node::target)
                .toList();
    }

    /** The tensor a parameter is bound to, or null. */
    Tensor boundParameter(String name) {
        return bound.get(name);
    }

    /**
     * The values of a constant node's output, as a new tensor (for exporters).
     *
     * @param value a value of this graph that a constant node produces
     * @return a copy of the constant
     * @throws IllegalArgumentException if no constant node of this graph produces it
     */
    public Tensor constantValue(Value value) {
        Node n = producer(value);
        if (n.kind() != Node.Kind.CONSTANT) {
            throw new IllegalArgumentException("constantValue: " + value + " is made by a " + n.kind() + " node");
        }
        return Tensor.of(constant(value.id()).clone(), value.shape());
    }

    /** A constant node's values. */
    float[] constant(int id) {
        return org.grad4j.internal.tensor.TensorInternals.data(constants[id]);
    }

    /**
     * The node that produces a value of this graph.
     *
     * @param value the value
     * @return its node
     * @throws IllegalArgumentException if the value is not this graph's
     */
    public Node producer(Value value) {
        if (value.id() < 0
                || value.id() >= nodes.size()
                || !nodes.get(value.id()).output().equals(value)) {
            throw new IllegalArgumentException("graph: " + value + " is not a value of this graph");
        }
        return nodes.get(value.id());
    }

    /**
     * Runs the graph with its bound parameters, then writes its state updates into them.
     *
     * @param inputs one tensor per graph input, of its shape
     * @return one tensor per graph output
     * @throws IllegalArgumentException if the inputs do not match the graph's, or a parameter is not bound
     */
    public Tensor[] run(Tensor... inputs) {
        return run(Map.of(), inputs);
    }

    /**
     * Runs the graph, the given tensors taking the place of the parameters of those names, then
     * writes each state update into the tensor that served its parameter (an output that shares
     * memory with such a tensor is returned as a copy of its values before the write).
     *
     * @param parameters tensors by parameter name; the bound ones serve the rest
     * @param inputs one tensor per graph input, of its shape
     * @return one tensor per graph output
     * @throws IllegalArgumentException if the inputs or a parameter do not match the graph's, or a
     *     parameter is neither given nor bound
     */
    public Tensor[] run(Map<String, Tensor> parameters, Tensor... inputs) {
        Run run = evaluate(parameters, inputs);
        Tensor[] out = run.outputs();
        List<Tensor> targets = new ArrayList<>();
        List<Tensor> newValues = new ArrayList<>();
        run.updates().forEach((name, value) -> {
            targets.add(parameter(name, parameters));
            newValues.add(value);
        });
        for (Tensor target : targets) {
            for (int i = 0; i < out.length; i++) {
                out[i] = sharesMemory(out[i], target) ? out[i].clone() : out[i];
            }
            newValues.replaceAll(v -> sharesMemory(v, target) ? v.detach().clone() : v);
        }
        try (org.grad4j.tensor.Scope ignored = org.grad4j.autograd.GradMode.noGrad()) {
            for (int i = 0; i < targets.size(); i++) {
                targets.get(i).copy_(newValues.get(i));
            }
        }
        return out;
    }

    private static boolean sharesMemory(Tensor a, Tensor b) {
        return org.grad4j.internal.tensor.TensorInternals.storage(a)
                == org.grad4j.internal.tensor.TensorInternals.storage(b);
    }

    /** What one run computes: its outputs and, by parameter name, its state updates; nothing is written. */
    record Run(Tensor[] outputs, Map<String, Tensor> updates) {}

    /** Runs the graph without writing its state updates. */
    Run evaluate(Map<String, Tensor> parameters, Tensor... inputs) {
        List<Value> expected = inputs();
        if (inputs.length != expected.size() || !shapesMatch(expected, inputs)) {
            throw new IllegalArgumentException("graph: expects inputs " + signature(expected) + ", got "
                    + Arrays.stream(inputs)
                            .map(t -> t == null ? "null" : Arrays.toString(t.shape()))
                            .toList());
        }
        Tensor[] values = new Tensor[nodes.size()];
        int nextInput = 0;
        for (Node n : nodes) {
            int id = n.output().id();
            values[id] = switch (n.kind()) {
                case INPUT -> inputs[nextInput++];
                case CONSTANT -> constants[id];
                case PARAMETER -> parameter(n, parameters);
                case OP -> {
                    Tensor[] args = new Tensor[n.inputs().size()];
                    for (int i = 0; i < args.length; i++) {
                        args[i] = values[n.inputs().get(i).id()];
                    }
                    yield OpRegistry.create(n.target(), n.attributes()).apply(args);
                }
            };
        }
        Tensor[] out = new Tensor[outputs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[outputs.get(i).id()];
        }
        Map<String, Tensor> newValues = new LinkedHashMap<>();
        updates.forEach((name, v) -> newValues.put(name, values[v.id()]));
        return new Run(out, newValues);
    }

    private Tensor parameter(Node n, Map<String, Tensor> given) {
        Tensor t = parameter(n.target(), given);
        if (!Arrays.equals(t.shape(), n.output().shape())) {
            throw new IllegalArgumentException("graph: parameter '" + n.target() + "' has shape "
                    + Arrays.toString(n.output().shape()) + ", got " + Arrays.toString(t.shape()));
        }
        return t;
    }

    private Tensor parameter(String name, Map<String, Tensor> given) {
        Tensor t = given.containsKey(name) ? given.get(name) : bound.get(name);
        if (t == null) {
            throw new IllegalArgumentException("graph: parameter '" + name + "' is neither given nor bound");
        }
        return t;
    }

    private static boolean shapesMatch(List<Value> expected, Tensor[] given) {
        for (int i = 0; i < given.length; i++) {
            if (given[i] == null
                    || !Arrays.equals(given[i].shape(), expected.get(i).shape())) {
                return false;
            }
        }
        return true;
    }

    private String signature(List<Value> values) {
        List<String> parts = new ArrayList<>();
        for (Value v : values) {
            parts.add(producer(v).target() + " " + Arrays.toString(v.shape()));
        }
        return parts.toString();
    }

    /**
     * One node per line, in columns (kind, value, target, arguments, shape), as torch.fx prints a
     * graph, then the outputs, then one {@code update} line per state update (the parameter's name
     * and its new value), then one {@code region} line per region (its nodes, layer, inputs,
     * outputs and attributes).
     */
    @Override
    public String toString() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"kind", "value", "target", "args", "shape"});
        for (Node n : nodes) {
            String args = n.kind() == Node.Kind.OP
                    ? "("
                            + String.join(
                                    ", ",
                                    n.inputs().stream().map(Value::toString).toList()) + ")"
                            + (n.attributes().names().isEmpty() ? "" : " {" + n.attributes() + "}")
                    : "";
            rows.add(new String[] {
                n.kind().name().toLowerCase(java.util.Locale.ROOT),
                n.output().toString(),
                n.target(),
                args,
                Arrays.toString(n.output().shape())
            });
        }
        rows.add(new String[] {
            "output", "", "output", outputs.toString().replace('[', '(').replace(']', ')'), ""
        });
        updates.forEach((name, v) -> rows.add(new String[] {"update", "", name, "(" + v + ")", ""}));
        for (Region r : regions) {
            String in = r.inputs().toString().replace('[', '(').replace(']', ')');
            String out = r.outputs().toString().replace('[', '(').replace(']', ')');
            rows.add(new String[] {
                "region",
                "%" + r.first() + "..%" + (r.end() - 1),
                r.op(),
                in + " -> " + out + " {" + r.attributes() + "}",
                ""
            });
        }
        int[] width = new int[5];
        for (String[] r : rows) {
            for (int c = 0; c < 5; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < 5; c++) {
                line.append(String.format("%-" + (width[c] + 2) + "s", r[c]));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    /**
     * The graph in Graphviz's dot language: one box per node (target, attributes, shape), one
     * edge per use, and an ellipse per output and per state update; {@code dot -Tsvg} draws it.
     *
     * @return the dot text
     */
    public String toDot() {
        StringBuilder b =
                new StringBuilder("digraph grad4j {\n  rankdir=TB;\n  node [shape=box, fontname=\"monospace\"];\n");
        for (Node n : nodes) {
            String label = n.output() + " " + n.target()
                    + (n.attributes().names().isEmpty() ? "" : "\\n" + n.attributes())
                    + "\\n" + Arrays.toString(n.output().shape());
            String style = switch (n.kind()) {
                case INPUT -> ", style=filled, fillcolor=\"#d8e8ff\"";
                case PARAMETER -> ", style=filled, fillcolor=\"#fff2cc\"";
                case CONSTANT -> ", style=filled, fillcolor=\"#eeeeee\"";
                case OP -> "";
            };
            b.append("  v")
                    .append(n.output().id())
                    .append(" [label=\"")
                    .append(label.replace("\"", "\\\""))
                    .append('"')
                    .append(style)
                    .append("];\n");
            for (Value in : n.inputs()) {
                b.append("  v")
                        .append(in.id())
                        .append(" -> v")
                        .append(n.output().id())
                        .append(";\n");
            }
        }
        int u = 0;
        for (Map.Entry<String, Value> e : updates.entrySet()) {
            b.append("  update")
                    .append(u)
                    .append(" [label=\"update ")
                    .append(e.getKey().replace("\"", "\\\""));
            b.append("\", shape=ellipse];\n  v")
                    .append(e.getValue().id())
                    .append(" -> update")
                    .append(u++)
                    .append(";\n");
        }
        for (int i = 0; i < outputs.size(); i++) {
            b.append("  out").append(i).append(" [label=\"output ").append(i).append("\", shape=ellipse];\n");
            b.append("  v")
                    .append(outputs.get(i).id())
                    .append(" -> out")
                    .append(i)
                    .append(";\n");
        }
        return b.append("}\n").toString();
    }
}
