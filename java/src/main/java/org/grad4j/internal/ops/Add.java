package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.BinaryOp;
import org.grad4j.tensor.Tensor;

/** a + b, broadcast. Backward: both gradients are the output's, summed to each input's shape. */
public final class Add extends Op {
    private int[] aShape;
    private int[] bShape;

    @Override
    public String name() {
        return "add";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        aShape = in[0].shape();
        bShape = in[1].shape();
        return Kernels.binary("add", BinaryOp.ADD, in[0], in[1]);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {
            ctx.needsInputGrad(0) ? Kernels.sumTo(grad, aShape) : null,
            ctx.needsInputGrad(1) ? Kernels.sumTo(grad, bShape) : null
        };
    }
}
