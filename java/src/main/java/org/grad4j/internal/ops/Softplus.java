package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.UnaryOp;
import org.grad4j.tensor.Tensor;

/** log(1 + exp(x)), linear above 20. Backward: g·sigmoid(x). */
public final class Softplus extends Op {
    @Override
    public String name() {
        return "softplus";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor y = Kernels.unary(UnaryOp.SOFTPLUS, in[0]);
        ctx.saveForBackward(in[0]);
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {grad.mul(ctx.saved(0).sigmoid())};
    }
}
