package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.BinaryOp;
import org.grad4j.tensor.Tensor;

/** a · b, broadcast. Backward: g·b and g·a, summed to each input's shape. */
public final class Mul extends Op {
    @Override
    public String name() {
        return "mul";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        ctx.saveForBackward(in[0], in[1]);
        return Kernels.binary("mul", BinaryOp.MUL, in[0], in[1]);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        Tensor a = ctx.saved(0);
        Tensor b = ctx.saved(1);
        return new Tensor[] {
            ctx.needsInputGrad(0) ? Kernels.sumTo(grad.mul(b), a.shape()) : null,
            ctx.needsInputGrad(1) ? Kernels.sumTo(grad.mul(a), b.shape()) : null
        };
    }
}
