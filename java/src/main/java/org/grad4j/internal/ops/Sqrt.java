package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.UnaryOp;
import org.grad4j.tensor.Tensor;

/** Square root. Backward: g / (2·sqrt(x)), from the saved output. */
public final class Sqrt extends Op {
    @Override
    public String name() {
        return "sqrt";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor y = Kernels.unary(UnaryOp.SQRT, in[0]);
        ctx.saveForBackward(y);
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {grad.div(ctx.saved(0).mul(2f))};
    }
}
