package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.UnaryOp;
import org.grad4j.tensor.Tensor;

/** x·Φ(x) with the exact Gaussian CDF. Backward: g·(Φ(x) + x·φ(x)). */
public final class Gelu extends Op {
    @Override
    public String name() {
        return "gelu";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor y = Kernels.unary(UnaryOp.GELU, in[0]);
        ctx.saveForBackward(in[0]);
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {grad.mul(new PointwiseDerivative(UnaryOp.GELU_GRAD, 0f, 0f).apply(ctx.saved(0)))};
    }
}
