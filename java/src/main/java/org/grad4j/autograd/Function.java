package org.grad4j.autograd;

import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.internal.trace.Recorder;
import org.grad4j.internal.trace.Tracing;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * A differentiable operation: {@link #forward} and {@link #backward} side by side, as
 * {@code torch.autograd.Function}. Each instance records one call; parameters of the op (a dim,
 * a stride) are its constructor's arguments and values needed by backward may be kept in fields.
 *
 * <p>User-defined functions extend this class too:
 * <pre>{@code
 * final class Cube extends Function {
 *     protected Tensor forward(Context ctx, Tensor... in) {
 *         ctx.saveForBackward(in[0]);
 *         return in[0].pow(3);
 *     }
 *     protected Tensor[] backward(Context ctx, Tensor grad) {
 *         Tensor x = ctx.saved(0);
 *         return new Tensor[] {grad.mul(x.pow(2).mul(3))};
 *     }
 * }
 * Tensor y = new Cube().apply(x);
 * }</pre>
 * Both methods run with gradient recording off; backward returns one gradient per input, of
 * the input's shape, or {@code null} where {@link Context#needsInputGrad} is false.
 */
public abstract class Function {
    private boolean applied;

    /** A function ready for one {@link #apply} call. */
    protected Function() {}

    /**
     * Runs forward and, when an input requires grad and grad mode is on, records the call, as
     * {@code Function.apply} in PyTorch. An output that is one of the inputs is returned detached.
     *
     * @param inputs the op's inputs
     * @return the output, with this call as its {@link Tensor#gradFn()} when recorded
     * @throws IllegalArgumentException if an input is null
     * @throws IllegalStateException if this instance was applied before, forward returned null, or
     *     anomaly detection is on and the output holds NaN or infinity
     */
    public final Tensor apply(Tensor... inputs) {
        if (applied) {
            throw new IllegalStateException(name() + ": a Function instance records one call; create a new one");
        }
        applied = true;
        boolean recording = anyRequiresGrad(inputs) && GradMode.isEnabled();
        Context ctx = new Context(name(), inputs, recording);
        Recorder tracer = Tracing.current();
        Tensor out;
        try (Scope ignored = GradMode.noGrad()) {
            if (tracer != null) {
                tracer.enterOp();
            }
            try {
                out = forward(ctx, inputs);
            } finally {
                if (tracer != null) {
                    tracer.exitOp();
                }
            }
        }
        if (out == null) {
            throw new IllegalStateException(name() + ": forward returned null; it must return the output tensor");
        }
        for (Tensor in : inputs) {
            if (out == in) {
                out = out.detach();
                break;
            }
        }
        if (recording && !ctx.isNonDifferentiable()) {
            TensorInternals.setGradFn(out, new Node(this, ctx, inputs));
        }
        Anomaly.checkForward(this, out);
        if (tracer != null) {
            tracer.record(this, inputs, out);
        }
        return out;
    }

    /**
     * Computes the output from the inputs; called with grad mode off.
     *
     * @param ctx where to save what backward needs
     * @param inputs the inputs given to {@link #apply}
     * @return the output
     */
    protected abstract Tensor forward(Context ctx, Tensor... inputs);

    /**
     * Computes one gradient per input from the output's gradient; called with grad mode off. The
     * backward pass checks the result: as many gradients as inputs, each of its input's shape, and
     * null only where {@link Context#needsInputGrad} is false (zeros where the gradient is zero).
     *
     * @param ctx the context that forward filled
     * @param gradOutput the gradient with respect to the output, of the output's shape
     * @return one gradient per input, of that input's shape, or null for an input that needs none
     */
    protected abstract Tensor[] backward(Context ctx, Tensor gradOutput);

    /**
     * The op's name in messages and in {@link Node#name()}: grad4j's own ops give the public name
     * ({@code "mul"}, {@code "matmul"}), a user's function its class name unless it overrides this
     * (an anonymous class's binary name without its package, e.g. {@code "MyModel$1"}).
     *
     * @return the name
     */
    public String name() {
        String simple = getClass().getSimpleName();
        if (!simple.isEmpty()) {
            return simple;
        }
        String binary = getClass().getName();
        return binary.substring(binary.lastIndexOf('.') + 1);
    }

    /**
     * Whether {@link #backward} neither keeps nor modifies the gradient it is given and returns only
     * new tensors or views of that gradient. Then a leaf may keep what it returns as its {@code grad}
     * without a copy, unless code outside the ops (a hook, the caller of backward) has seen that
     * storage. Otherwise the backward pass treats the gradient given and the ones returned as held
     * by the function, and leaves copy them. False unless a function declares it.
     *
     * @return false here; true in a subclass that declares it
     */
    protected boolean backwardReturnsUnsharedGradients() {
        return false;
    }

    private boolean anyRequiresGrad(Tensor[] inputs) {
        boolean any = false;
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null) {
                throw new IllegalArgumentException(name() + ": input " + i + " is null");
            }
            any |= inputs[i].requiresGrad();
        }
        return any;
    }
}
