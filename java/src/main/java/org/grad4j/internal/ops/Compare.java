package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.BinaryOp;
import org.grad4j.tensor.Tensor;

/** Element-wise comparison giving 1 or 0, broadcast; it has no gradient. */
public final class Compare extends Op {
    private final BinaryOp op;

    public Compare(BinaryOp op) {
        this.op = op;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        ctx.markNonDifferentiable();
        return Kernels.binary(name(), op, in[0], in[1]);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        throw new IllegalStateException(name() + " has no gradient");
    }

    @Override
    public String name() {
        return op.name().toLowerCase(java.util.Locale.ROOT);
    }
}
