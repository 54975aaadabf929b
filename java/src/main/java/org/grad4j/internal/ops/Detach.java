package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.tensor.Tensor;

/**
 * The same values without autograd history, sharing the input's memory: how a graph records
 * {@code detach()} and the results of in-place writes, which eager autograd does not record. It has
 * no gradient.
 */
public final class Detach extends Op {
    @Override
    public String name() {
        return "detach";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        ctx.markNonDifferentiable();
        return in[0];
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        throw new IllegalStateException("detach has no gradient");
    }
}
