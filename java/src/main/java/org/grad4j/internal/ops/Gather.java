package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * out[i][j][k] = x[i][index[i][j][k]][k] (for dim 1), of inputs x and index: index has x's rank
 * and x's sizes in every other dim. Backward: g added into zeros at the gathered positions; the
 * index gets no gradient (zeros, should it require one: the output is piecewise constant in it).
 */
public final class Gather extends Op {
    private final int dim;
    private int[] inputShape;
    private int axis;
    private int[] positions;
    private int[] indexShape;

    public Gather(int dim) {
        this.dim = dim;
    }

    @Override
    public String name() {
        return "gather";
    }

    @Override
    public Attributes attributes() {
        return Attributes.of().with("dim", dim);
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0];
        Tensor index = in[1];
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
        indexShape = is;
        ctx.saveForBackward(index);
        return Kernels.gather(x, axis, positions, is[axis], true, is);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {
            new ScatterBackward(true, inputShape, axis, positions).apply(grad, ctx.saved(0)),
            ctx.needsInputGrad(1) ? Tensor.zeros(indexShape) : null
        };
    }
}
