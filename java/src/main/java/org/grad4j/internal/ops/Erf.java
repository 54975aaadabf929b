package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.UnaryOp;
import org.grad4j.tensor.Tensor;

/** The error function. Backward: g · 2/√π · exp(−x²). */
public final class Erf extends Op {
    private static final float TWO_OVER_SQRT_PI = 1.1283791670955126f;

    @Override
    public String name() {
        return "erf";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor y = Kernels.unary(UnaryOp.ERF, in[0]);
        ctx.saveForBackward(in[0]);
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        Tensor x = ctx.saved(0);
        return new Tensor[] {grad.mul(x.square().neg().exp().mul(TWO_OVER_SQRT_PI))};
    }
}
