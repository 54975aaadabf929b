package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.UnaryOp;
import org.grad4j.tensor.Tensor;

/** tanh(x). Backward: g·(1 − y²), from the saved output. */
public final class Tanh extends Op {
    @Override
    public String name() {
        return "tanh";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor y = Kernels.unary(UnaryOp.TANH, in[0]);
        ctx.saveForBackward(y);
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {grad.mul(ctx.saved(0).square().neg().add(1f))};
    }
}
