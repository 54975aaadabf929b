package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * An op that computes part of another op's derivative, so that a backward made of ops can be
 * recorded into a graph like a forward. Its output carries no gradient: grad4j computes first
 * derivatives, and never differentiates a derivative.
 */
abstract class DerivativeOp extends Op {
    @Override
    protected final Tensor forward(Context ctx, Tensor... in) {
        ctx.markNonDifferentiable();
        return compute(in);
    }

    /** Fails unless ok, naming the op and its inputs' shapes. */
    final void require(boolean ok, Tensor... in) {
        if (!ok) {
            StringBuilder shapes = new StringBuilder();
            for (Tensor t : in) {
                shapes.append(shapes.length() == 0 ? "" : ", ").append(Shapes.str(t.shape()));
            }
            throw new IllegalArgumentException(
                    name() + ": inputs of shapes " + shapes + " do not fit " + attributes() + " (" + expects() + ")");
        }
    }

    /** What the inputs must be, for {@link #require}'s message. */
    String expects() {
        return "inputs of the shapes the forward op gave";
    }

    /** The op's result, from its inputs. */
    protected abstract Tensor compute(Tensor... in);

    @Override
    protected final Tensor[] backward(Context ctx, Tensor grad) {
        throw new IllegalStateException(name() + " is part of a derivative, which grad4j does not differentiate");
    }
}
