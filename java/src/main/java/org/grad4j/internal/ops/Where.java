package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * cond != 0 ? a : b, broadcast over all three. Backward: g to a where cond holds, to b elsewhere, and
 * zero to cond (a step function of it).
 */
public final class Where extends Op {
    private int[] aShape;
    private int[] bShape;

    @Override
    public String name() {
        return "where";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor cond = in[0];
        Tensor a = in[1];
        Tensor b = in[2];
        aShape = a.shape();
        bShape = b.shape();
        int[] shape;
        try {
            shape = Shapes.broadcast("where", Shapes.broadcast("where", cond.shape(), aShape), bShape);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("where: condition " + Shapes.str(cond.shape()) + ", a "
                    + Shapes.str(aShape) + " and b " + Shapes.str(bShape) + " cannot be broadcast together");
        }
        ctx.saveForBackward(cond);
        Tensor out = Tensor.zeros(shape);
        Kernels.backend()
                .where(
                        shape,
                        TensorInternals.data(cond),
                        cond.storageOffset(),
                        Kernels.broadcastStrides(cond, shape),
                        TensorInternals.data(a),
                        a.storageOffset(),
                        Kernels.broadcastStrides(a, shape),
                        TensorInternals.data(b),
                        b.storageOffset(),
                        Kernels.broadcastStrides(b, shape),
                        TensorInternals.data(out),
                        0);
        return out;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        Tensor cond = ctx.saved(0);
        Tensor zero = Tensor.scalar(0f);
        return new Tensor[] {
            ctx.needsInputGrad(0) ? Tensor.zeros(cond.shape()) : null,
            ctx.needsInputGrad(1) ? Kernels.sumTo(Tensor.where(cond, grad, zero), aShape) : null,
            ctx.needsInputGrad(2) ? Kernels.sumTo(Tensor.where(cond, zero, grad), bShape) : null
        };
    }
}
