package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.tensor.Tensor;

/**
 * An op that the graph passes make from several ops after the gradient graph is built, so that
 * a graph runs them in one kernel. It has no backward: a graph is differentiated before it is fused.
 */
abstract class FusedOp extends Op {
    @Override
    protected final Tensor forward(Context ctx, Tensor... in) {
        ctx.markNonDifferentiable();
        return compute(in);
    }

    /** The op's result, from its inputs. */
    protected abstract Tensor compute(Tensor... in);

    @Override
    protected final Tensor[] backward(Context ctx, Tensor grad) {
        throw new IllegalStateException(
                name() + " is made by the graph passes after differentiation; it has no backward");
    }
}
