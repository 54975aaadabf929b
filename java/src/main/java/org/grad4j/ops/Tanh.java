package org.grad4j.ops;

import org.grad4j.autograd.Context;
import org.grad4j.autograd.Function;
import org.grad4j.backend.UnaryOp;
import org.grad4j.tensor.Tensor;

/** tanh(x). Backward: g·(1 − y²), from the saved output. */
public final class Tanh extends Function {
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
