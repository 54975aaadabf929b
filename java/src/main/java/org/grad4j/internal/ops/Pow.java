package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.BinaryOp;
import org.grad4j.tensor.Tensor;

/** a ^ b, broadcast. Backward: g·b·a^(b−1) and g·a^b·log(a). */
public final class Pow extends Op {
    @Override
    public String name() {
        return "pow";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor out = Kernels.binary("pow", BinaryOp.POW, in[0], in[1]);
        ctx.saveForBackward(in[0], in[1], out);
        return out;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        Tensor a = ctx.saved(0);
        Tensor b = ctx.saved(1);
        Tensor out = ctx.saved(2);
        return new Tensor[] {
            ctx.needsInputGrad(0) ? Kernels.sumTo(grad.mul(b).mul(a.pow(b.sub(1f))), a.shape()) : null,
            ctx.needsInputGrad(1) ? Kernels.sumTo(grad.mul(out).mul(a.log()), b.shape()) : null
        };
    }
}
