package org.grad4j.graph;

import java.util.ArrayList;
import java.util.List;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.nn.Module;
import org.grad4j.nn.Parameter;
import org.grad4j.nn.loss.Loss;
import org.grad4j.optim.Optimizer;
import org.grad4j.tensor.Tensor;

/**
 * One training step compiled: forward, loss and backward run as one graph (made by
 * {@link Compile#trainStep}), its results in buffers planned ahead; the gradients are written into
 * tensors the step keeps and gives to the parameters as their {@code grad}, and the optimizer
 * updates the parameters. A step replaces any earlier gradient, as {@code zeroGrad()} followed by
 * {@code backward()} does; a parameter the loss does not depend on gets no gradient. Buffers the
 * forward writes in place (batch norm's running statistics) get their new values after each
 * step's forward, in the module's own tensors.
 *
 * <pre>{@code
 * TrainStep step = Compile.trainStep(model, new CrossEntropyLoss(), new Adam(model.parameters()));
 * for (Batch b : loader) {
 *     float loss = step.step(b.input(), b.target());
 * }
 * }</pre>
 */
public final class TrainStep {
    private final Module model;
    private final Loss criterion;
    private final Optimizer optimizer;
    private final int rematerializationSegments;
    private final List<String> names = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private final CompileCache<Compiled> cache;
    private final Tensor one = Tensor.scalar(1f);
    private Signature first;
    private Signature lastSignature;
    private Compiled last;

    /** A graph compiled for one signature, with the gradient tensors it writes. */
    private record Compiled(Program program, Tensor[] grads, int[] gradOutput, int[][] gradStrides) {}

    TrainStep(Module model, Loss criterion, Optimizer optimizer, int rematerializationSegments, int cacheSize) {
        this.model = model;
        this.criterion = criterion;
        this.optimizer = optimizer;
        this.rematerializationSegments = rematerializationSegments;
        model.namedParameters().forEach((name, p) -> {
            names.add(name);
            parameters.add(p);
        });
        this.cache = new CompileCache<>("trainStep of " + model.getClass().getSimpleName(), cacheSize);
    }

    /**
     * Runs one step: the loss of the model's output for {@code input} against {@code target}, its
     * gradients, and the optimizer's update.
     *
     * @param input the model's input
     * @param target the loss's target
     * @return the loss before the update
     * @throws IllegalArgumentException if a tensor is null, or has another rank than in the first
     *     call (another batch size is a new trace, not an error)
     */
    public float step(Tensor input, Tensor target) {
        if (input == null || target == null) {
            throw new IllegalArgumentException("trainStep: expects (input, target), got (" + Signature.shapes(input)
                    + ", " + Signature.shapes(target) + ")");
        }
        Compiled c;
        if (last != null && lastSignature.matches(model, parameters, true, input, target)) {
            c = last;
        } else {
            Signature s = Signature.of(model, parameters, true, input, target);
            if (first == null) {
                first = s;
            } else if (!first.sameRanks(input, target)) {
                throw new IllegalArgumentException("trainStep: compiled for (input, target) of shapes ("
                        + first.shapes() + "), got (" + Signature.shapes(input, target)
                        + "): the ranks differ");
            }
            c = cache.get(s, this::compile);
            lastSignature = s;
            last = c;
        }
        if (c != null && anyClosed(c.grads)) {
            // the gradients were closed by their user: their arrays may serve other tensors now
            cache.remove(lastSignature);
            c = cache.get(lastSignature, this::compile);
            last = c;
        }
        return c == null ? eagerStep(input, target) : compiledStep(c, input, target);
    }

    private static boolean anyClosed(Tensor[] tensors) {
        for (Tensor t : tensors) {
            if (t != null && t.isClosed()) {
                return true;
            }
        }
        return false;
    }

    private float compiledStep(Compiled c, Tensor input, Tensor target) {
        Program p = c.program;
        p.run(input, target, one);
        Slot loss = p.output(0);
        float value = loss.data[loss.offset];
        for (int i = 0; i < parameters.size(); i++) {
            Tensor g = c.grads[i];
            if (g != null) {
                Slot s = p.output(c.gradOutput[i]);
                float[] own = TensorInternals.data(g);
                if (s.data != own) {
                    p.backend().copy(s.shape, s.data, s.offset, s.strides, own, 0, c.gradStrides[i]);
                }
            }
            parameters.get(i).setGrad(g);
        }
        optimizer.step();
        return value;
    }

    private float eagerStep(Tensor input, Tensor target) {
        optimizer.zeroGrad();
        Tensor loss = criterion.forward(model.forward(input), target);
        loss.backward();
        optimizer.step();
        return loss.item();
    }

    private Compiled compile(Signature s) {
        // examples that require grad as the call's tensors do, so the traced code checks what eager code would
        Tensor x = Tensor.zeros(s.shape(0)).requiresGrad(s.requiresGrad(parameters.size()));
        Tensor t = Tensor.zeros(s.shape(1)).requiresGrad(s.requiresGrad(parameters.size() + 1));
        Graph forward = Graph.trace(
                model,
                in -> {
                    Tensor loss = criterion.forward(model.forward(in[0]), in[1]);
                    if (loss.dim() != 0) {
                        throw new IllegalArgumentException(
                                "trainStep: the loss must be a scalar (reduction mean or sum), got" + " shape "
                                        + Shapes.str(loss.shape()));
                    }
                    return new Tensor[] {loss};
                },
                x,
                t);
        List<String> wrt = new ArrayList<>();
        List<String> used = forward.parameterNames();
        boolean[] differentiated = new boolean[parameters.size()];
        for (int i = 0; i < parameters.size(); i++) {
            // a parameter the forward does not use gets no gradient, as in eager code
            differentiated[i] = parameters.get(i).requiresGrad() && used.contains(names.get(i));
            if (differentiated[i]) {
                wrt.add(names.get(i));
            }
        }
        Graph joint = Passes.optimize(Autodiff.gradients(forward, wrt));
        if (rematerializationSegments > 0) {
            joint = Passes.rematerialization(rematerializationSegments).apply(joint);
        }
        joint = Passes.fuse(joint);
        Tensor[] grads = new Tensor[parameters.size()];
        int[][] strides = new int[parameters.size()][];
        int[] gradOutput = new int[parameters.size()];
        float[][] arrays = new float[1 + wrt.size()][];
        for (int i = 0, k = 0; i < parameters.size(); i++) {
            if (!differentiated[i]) {
                continue;
            }
            strides[i] = Shapes.contiguousStrides(parameters.get(i).shape());
            gradOutput[i] = 1 + k;
            Node producer = joint.producer(joint.outputs().get(1 + k));
            if (producer.kind() != Node.Kind.CONSTANT) {
                // a constant gradient is the zeros of a parameter the loss does not depend on: it gets none
                grads[i] = Tensor.zeros(parameters.get(i).shape());
                arrays[1 + k] = TensorInternals.data(grads[i]);
            }
            k++;
        }
        return new Compiled(new Program(joint, arrays), grads, gradOutput, strides);
    }

    /**
     * How many signatures (shapes, mode) this step has traced and keeps.
     *
     * @return the number of compiled or eager entries in the step's cache
     */
    public int signatures() {
        return cache.size();
    }

    /**
     * The bytes the last step's program holds for op results: its memory plan's arena and the
     * arrays beside it (results that kernels write from index 0, kernels' scratch); the gradients,
     * which go straight into the parameters' grad tensors, are not counted.
     *
     * @return the bytes, or 0 when the last step ran eagerly or no step ran yet
     */
    public long memoryBytes() {
        return last == null ? 0 : last.program.bytes();
    }

    /**
     * Whether the last step ran as a compiled graph, not eagerly after a graph break.
     *
     * @return true when compiled
     */
    public boolean isCompiled() {
        return last != null;
    }
}
