package org.grad4j.autograd;

import java.util.List;
import java.util.Map;
import org.grad4j.internal.tensor.LeafGradientCapture;
import org.grad4j.nn.Module;
import org.grad4j.nn.Sequential;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * Activation checkpointing, as {@code torch.utils.checkpoint}: a function's forward runs without
 * keeping its intermediate results for backward, and backward runs it again to differentiate it,
 * trading one more forward for memory. Before the second run the default generator is put back
 * where the first found it, so dropout draws the same masks; a layer with a generator of its own
 * (such as {@code new Dropout(p, gen)}) is not, and draws others.
 *
 * <pre>{@code
 * Tensor y = Checkpointing.checkpointSequential(model, 8, x);   // 8 segments of the layers
 * y.crossEntropy(target).backward();
 * }</pre>
 */
public final class Checkpointing {
    private Checkpointing() {}

    /**
     * fn(inputs), its intermediate results computed again in backward instead of kept. Gradients
     * reach the inputs through the result, and the parameters fn uses are given their gradients
     * directly while backward runs fn again.
     *
     * @param fn the function; it must compute the same way twice (no host reads that change it)
     * @param inputs its inputs
     * @return fn's result, whose backward runs fn again
     * @throws IllegalArgumentException if {@code fn} or an input is null
     */
    public static Tensor checkpoint(java.util.function.Function<Tensor[], Tensor> fn, Tensor... inputs) {
        if (fn == null) {
            throw new IllegalArgumentException("checkpoint: the function is null");
        }
        boolean anyRequiresGrad = false;
        for (Tensor t : inputs) {
            anyRequiresGrad |= t != null && t.requiresGrad();
        }
        if (anyRequiresGrad || !GradMode.isEnabled()) {
            return new Recompute(fn, inputs.length).apply(inputs);
        }
        // No input requires grad (the data going into a network's first layers): a leaf that does
        // makes the call recorded, so that backward reaches the parameters fn uses.
        Tensor[] withMarker = java.util.Arrays.copyOf(inputs, inputs.length + 1);
        withMarker[inputs.length] = Tensor.zeros(1).requiresGrad(true);
        return new Recompute(fn, inputs.length).apply(withMarker);
    }

    /**
     * A sequential model run as {@code segments} checkpointed runs of consecutive layers (the last
     * segment not checkpointed, as {@code torch.utils.checkpoint.checkpoint_sequential}): only the
     * segments' inputs and the last segment's intermediate results are kept for backward. √n
     * segments for n layers keep about 2√n layers' results instead of n.
     *
     * @param model the model
     * @param segments the number of segments, from 1 to the number of layers
     * @param input the model's input
     * @return the model's output
     * @throws IllegalArgumentException if {@code segments} is out of range
     */
    public static Tensor checkpointSequential(Sequential model, int segments, Tensor input) {
        List<Module> layers = model.children();
        if (segments < 1 || segments > Math.max(1, layers.size())) {
            throw new IllegalArgumentException("checkpointSequential: segments must be in [1, " + layers.size()
                    + "] for a model of " + layers.size() + " layers, got " + segments);
        }
        Tensor x = input;
        for (int s = 0; s < segments; s++) {
            List<Module> segment = layers.subList(layers.size() * s / segments, layers.size() * (s + 1) / segments);
            java.util.function.Function<Tensor[], Tensor> run = in -> {
                Tensor t = in[0];
                for (Module layer : segment) {
                    t = layer.forward(t);
                }
                return t;
            };
            x = s == segments - 1 ? run.apply(new Tensor[] {x}) : checkpoint(run, x);
        }
        return x;
    }

    /** The recorded call: saves only the inputs; backward runs the function again with grad on. */
    private static final class Recompute extends Function {
        private final java.util.function.Function<Tensor[], Tensor> fn;
        private final int arity;
        private Generator generator;
        private Generator.State state;
        private int inputCount;

        Recompute(java.util.function.Function<Tensor[], Tensor> fn, int arity) {
            this.fn = fn;
            this.arity = arity;
        }

        @Override
        public String name() {
            return "checkpoint";
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            generator = Generator.defaultGenerator();
            state = generator.getState();
            inputCount = in.length;
            ctx.saveForBackward(java.util.Arrays.copyOf(in, arity));
            Tensor out = fn.apply(java.util.Arrays.copyOf(in, arity));
            if (out == null) {
                throw new IllegalStateException("checkpoint: the function returned null");
            }
            return out;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor grad) {
            Tensor[] inputs = new Tensor[arity];
            for (int i = 0; i < arity; i++) {
                Tensor saved = ctx.saved(i);
                inputs[i] = saved.detach().requiresGrad(saved.requiresGrad());
            }
            Generator.State after = generator.getState();
            generator.setState(state);
            Tensor out;
            try (Scope ignored = GradMode.enableGrad()) {
                out = fn.apply(inputs);
            } finally {
                generator.setState(after);
            }
            if (out.requiresGrad()) {
                Autograd.backward(out, grad, false);
            }
            // Inside a capture (a DataParallel shard) the inputs' gradients went there.
            Map<Tensor, Tensor> captured = LeafGradientCapture.current();
            Tensor[] grads = new Tensor[inputCount];
            for (int i = 0; i < grads.length; i++) {
                if (ctx.needsInputGrad(i)) {
                    Tensor g = i >= arity ? null : captured != null ? captured.remove(inputs[i]) : inputs[i].grad();
                    grads[i] = g != null ? g : Tensor.zeros(i < arity ? inputs[i].shape() : new int[] {1});
                }
            }
            return grads;
        }
    }
}
