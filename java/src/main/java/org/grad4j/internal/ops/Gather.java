package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * out[i][j][k] = x[i][index[i][j][k]][k] (for dim 1): index has x's rank and x's sizes in every
 * other dim. Backward: g added into zeros at the gathered positions.
 */
public final class Gather extends Op {
    private final int dim;
    private final Tensor index;
    private int[] inputShape;
    private int axis;
    private int[] positions;

    public Gather(int dim, Tensor index) {
        this.dim = dim;
        this.index = index;
    }

    @Override
    public String name() {
        return "gather";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0];
        inputShape = x.shape();
        int[] is = index.shape();
        axis = Shapes.dim(name(), dim, Math.max(x.dim(), 1));
        boolean ok = x.dim() > 0 && is.length == inputShape.length;
        for (int d = 0; ok && d < is.length; d++) {
            ok = d == axis || is[d] == inputShape[d];
        }
        if (!ok) {
            throw new IllegalArgumentException("gather: index of shape " + Shapes.str(is) + " must have the input's"
                    + " rank and sizes except in dim " + dim + "; input shape " + Shapes.str(inputShape));
        }
        positions = Kernels.indices(name(), index, inputShape[axis]);
        return Kernels.gather(x, axis, positions, is[axis], true, is);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {Kernels.scatterAdd(grad, inputShape, axis, positions, index.size(axis), true)};
    }
}
