package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/** Broadcasts size-1 dims and new leading dims without copying (stride 0). Backward: g summed back. */
public final class Expand extends Op {
    private final int[] sizes;
    private int[] inputShape;

    public Expand(int[] sizes) {
        this.sizes = sizes.clone();
    }

    @Override
    public String name() {
        return "expand";
    }

    @Override
    public Attributes attributes() {
        return Attributes.of().with("sizes", sizes);
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0];
        inputShape = x.shape();
        int[] strides = x.stride();
        int lead = sizes.length - inputShape.length;
        if (lead < 0) {
            throw new IllegalArgumentException("expand: sizes " + Shapes.str(sizes) + " have fewer dims than the"
                    + " input's shape " + Shapes.str(inputShape));
        }
        int[] outShape = new int[sizes.length];
        int[] outStrides = new int[sizes.length];
        for (int d = 0; d < sizes.length; d++) {
            int want = sizes[d];
            if (d < lead) {
                if (want < 0) {
                    throw new IllegalArgumentException(
                            "expand: size -1 is not allowed for the new leading dim " + d + " in " + Shapes.str(sizes));
                }
                outShape[d] = want;
                continue;
            }
            int have = inputShape[d - lead];
            if (want == -1 || want == have) {
                outShape[d] = have;
                outStrides[d] = strides[d - lead];
            } else if (have == 1 && want >= 0) {
                outShape[d] = want;
            } else {
                throw new IllegalArgumentException("expand: cannot expand shape " + Shapes.str(inputShape) + " to "
                        + Shapes.str(sizes) + " (dim " + d + ": " + have + " is not 1)");
            }
        }
        Shapes.checkNumel("expand", "the expanded view", outShape);
        return TensorInternals.view(x, outShape, outStrides, x.storageOffset());
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {Kernels.sumTo(grad, inputShape)};
    }
}
