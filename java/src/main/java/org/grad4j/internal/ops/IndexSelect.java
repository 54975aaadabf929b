package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/** The entries of x at a 1-D list of positions along one dim. Backward: g added back at those positions. */
public final class IndexSelect extends Op {
    private final int dim;
    private int[] inputShape;
    private int[] indexShape;
    private int axis;
    private int[] positions;

    public IndexSelect(int dim) {
        this.dim = dim;
    }

    @Override
    public String name() {
        return "indexSelect";
    }

    @Override
    public Attributes attributes() {
        return Attributes.of().with("dim", dim);
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0];
        Tensor index = in[1];
        indexShape = index.shape();
        inputShape = x.shape();
        axis = Shapes.dim(name(), dim, Math.max(x.dim(), 1));
        if (index.dim() > 1 || x.dim() == 0) {
            throw new IllegalArgumentException("indexSelect: needs a 1-D index and an input of rank >= 1, got index "
                    + Shapes.str(index.shape()) + " for input " + Shapes.str(inputShape));
        }
        positions = Kernels.indices(name(), index, inputShape[axis]);
        ctx.saveForBackward(index);
        int[] outShape = x.shape();
        outShape[axis] = positions.length;
        return Kernels.gather(x, axis, positions, positions.length, false, outShape);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {
            new ScatterBackward(false, inputShape, axis, positions).apply(grad, ctx.saved(0)),
            ctx.needsInputGrad(1) ? Tensor.zeros(indexShape) : null
        };
    }
}
