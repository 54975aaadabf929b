package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
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

    /** The op's result, from its inputs. */
    protected abstract Tensor compute(Tensor... in);

    @Override
    protected final Tensor[] backward(Context ctx, Tensor grad) {
        throw new IllegalStateException(name() + " is part of a derivative, which grad4j does not differentiate");
    }
}
