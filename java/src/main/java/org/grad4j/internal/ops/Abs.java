package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.UnaryOp;
import org.grad4j.tensor.Tensor;

/** |x|. Backward: g·sign(x) (0 at 0, as in PyTorch). */
public final class Abs extends Op {
    @Override
    public String name() {
        return "abs";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor y = Kernels.unary(UnaryOp.ABS, in[0]);
        ctx.saveForBackward(in[0]);
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {grad.mul(new PointwiseDerivative(UnaryOp.SIGN, 0f, 0f).apply(ctx.saved(0)))};
    }
}
