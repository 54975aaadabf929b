package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.UnaryOp;
import org.grad4j.tensor.Tensor;

/** Natural logarithm. Backward: g / x. */
public final class Log extends Op {
    @Override
    public String name() {
        return "log";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor y = Kernels.unary(UnaryOp.LOG, in[0]);
        ctx.saveForBackward(in[0]);
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {grad.div(ctx.saved(0))};
    }
}
