package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.UnaryOp;
import org.grad4j.tensor.Tensor;

/** exp(x). Backward: g·exp(x), from the saved output. */
public final class Exp extends Op {
    @Override
    public String name() {
        return "exp";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor y = Kernels.unary(UnaryOp.EXP, in[0]);
        ctx.saveForBackward(y);
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {grad.mul(ctx.saved(0))};
    }
}
