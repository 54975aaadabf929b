package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.BinaryOp;
import org.grad4j.tensor.Tensor;

/**
 * a / b, broadcast. Backward: g/b and −g·a/b², summed to each input's shape.
 * NOTE: a primitive rather than a · b⁻¹: one kernel pass, and exact for a / 1.
 */
public final class Div extends Op {
    @Override
    public String name() {
        return "div";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        ctx.saveForBackward(in[0], in[1]);
        return Kernels.binary("div", BinaryOp.DIV, in[0], in[1]);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        Tensor a = ctx.saved(0);
        Tensor b = ctx.saved(1);
        Tensor gradA = grad.div(b);
        return new Tensor[] {
            ctx.needsInputGrad(0) ? Kernels.sumTo(gradA, a.shape()) : null,
            ctx.needsInputGrad(1) ? Kernels.sumTo(gradA.mul(a).div(b).neg(), b.shape()) : null
        };
    }
}
