package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * Elements start, start+step, ... before end along one dim (a view). With {@code strict}
 * (narrow) the range must lie inside the dim; otherwise start and end are clipped as in Python.
 * Backward: g written into zeros at the same positions.
 */
public final class Slice extends Op implements ViewGradient {
    private final int dim;
    private final int start;
    private final long end;
    private final int step;
    private final boolean strict;
    private int[] inputShape;
    private int axis;
    private int from;
    private int length;

    /** end is a long so that narrow's start + length cannot wrap. */
    public Slice(int dim, int start, long end, int step, boolean strict) {
        this.dim = dim;
        this.start = start;
        this.end = end;
        this.step = step;
        this.strict = strict;
    }

    @Override
    public String name() {
        return strict ? "narrow" : "slice";
    }

    @Override
    public Attributes attributes() {
        return strict
                ? Attributes.of().with("dim", dim).with("start", start).with("length", (int) (end - start))
                : Attributes.of()
                        .with("dim", dim)
                        .with("start", start)
                        .with("end", (int) end)
                        .with("step", step);
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0];
        inputShape = x.shape();
        axis = Shapes.dim(name(), dim, x.dim());
        int size = inputShape[axis];
        if (step <= 0) {
            throw Shapes.argError(name(), "step must be > 0, got " + step);
        }
        if (strict) {
            long first = start < 0 ? (long) start + size : start;
            long count = end - start;
            if (first < 0 || count < 0 || first + count > size) {
                throw new IllegalArgumentException("narrow: start " + start + " and length " + count
                        + " do not fit dim " + dim + " of size " + size + " in shape " + Shapes.str(inputShape));
            }
            from = (int) first;
            length = (int) count;
        } else {
            from = clip(start, size);
            int to = Math.max(from, clip(end, size));
            length = (int) ((to - from + (long) step - 1) / step);
        }
        return viewOf(x);
    }

    @Override
    public Tensor viewOf(Tensor x) {
        int[] shape = x.shape();
        int[] strides = x.stride();
        shape[axis] = length;
        int offset = x.storageOffset() + (length == 0 ? 0 : from * strides[axis]);
        strides[axis] = stepped(strides[axis]);
        return TensorInternals.view(x, shape, strides, offset);
    }

    private static int clip(long index, int size) {
        long i = index < 0 ? index + size : index;
        return (int) Math.max(0, Math.min(size, i));
    }

    /**
     * The stride along the sliced dim: step times the input's. With at most one element the stride
     * is never used, and keeping the input's avoids a product that can exceed int.
     */
    private int stepped(int stride) {
        return length > 1 ? stride * step : stride;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {new SliceBackward(inputShape, axis, from, step).apply(grad)};
    }
}
