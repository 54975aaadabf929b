package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.UnaryOp;
import org.grad4j.tensor.Tensor;

/** 1 / (1 + exp(−x)). Backward: g·y·(1 − y), from the saved output. */
public final class Sigmoid extends Op {
    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor y = Kernels.unary(UnaryOp.SIGMOID, in[0]);
        ctx.saveForBackward(y);
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {grad.mul(ctx.saved(0).mul(ctx.saved(0).neg().add(1f)))};
    }
}
