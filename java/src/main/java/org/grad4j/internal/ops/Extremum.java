package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.ReduceOp;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * Max or min over all elements (dim null) or one dim. Backward: over all elements the gradient
 * is shared evenly among ties (as PyTorch's max()); over a dim it goes to the first extreme position.
 */
public final class Extremum extends Op {
    private final ReduceOp op;
    private final Integer dim;
    private final boolean keepDim;
    private int[] inputShape;
    /**
     * x, for the backward op's input; held, not saved, since the positions are found already and a
     * later in-place change of x does not matter.
     */
    private Tensor input;

    private int axis;
    private int[] positions;

    public Extremum(ReduceOp op, Integer dim, boolean keepDim) {
        this.op = op;
        this.dim = dim;
        this.keepDim = keepDim;
    }

    @Override
    public String name() {
        return op == ReduceOp.MAX ? "max" : "min";
    }

    @Override
    public Attributes attributes() {
        return dim == null ? Attributes.of() : Attributes.of().with("dim", dim).with("keepDim", keepDim);
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0];
        inputShape = x.shape();
        if (dim == null) {
            Layout.checkNotEmpty(name(), inputShape, x.numel());
            Tensor value = Kernels.reduceAll(op, x);
            ctx.saveForBackward(x, value);
            return value;
        }
        axis = Shapes.dim(name(), dim, inputShape.length);
        Layout.checkNotEmpty(name(), inputShape, inputShape[axis]);
        Tensor values = Kernels.reduce(op, x, axis);
        positions = ExtremumBackward.positions(op, x, axis);
        input = x;
        return values.reshape(Layout.reduced(inputShape, axis, keepDim));
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        if (dim == null) {
            Tensor mask = ctx.saved(0).eq(ctx.saved(1));
            return new Tensor[] {mask.mul(grad.div(mask.sum()))};
        }
        return new Tensor[] {new ExtremumBackward(op, axis, positions).apply(input, grad)};
    }
}
