package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.UnaryOp;
import org.grad4j.tensor.Tensor;

/** −x. Backward: −g. */
public final class Neg extends Op {
    @Override
    public String name() {
        return "neg";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        return Kernels.unary(UnaryOp.NEG, in[0]);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {grad.neg()};
    }
}
