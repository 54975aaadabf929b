package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * The same elements in a new shape: a view where strides for it exist (always for a contiguous
 * input; for a strided one when the new shape splits and merges only dims that are contiguous with
 * each other, as PyTorch's view), else a copy, which view() refuses.
 */
public final class Reshape extends Op {
    private final int[] requested;
    private final boolean viewOnly;
    private int[] inputShape;

    public Reshape(int[] requested, boolean viewOnly) {
        this.requested = requested.clone();
        this.viewOnly = viewOnly;
    }

    @Override
    public String name() {
        return viewOnly ? "view" : "reshape";
    }

    @Override
    public Attributes attributes() {
        return Attributes.of().with("shape", requested);
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0];
        inputShape = x.shape();
        int[] shape = resolve(x);
        int[] strides =
                x.isContiguous() ? Shapes.contiguousStrides(shape) : Shapes.viewStrides(inputShape, x.stride(), shape);
        if (strides != null) {
            return TensorInternals.view(x, shape, strides, x.storageOffset());
        }
        if (viewOnly) {
            throw new IllegalArgumentException("view: shape " + Shapes.str(requested) + " is not compatible with"
                    + " the non-contiguous input of shape " + Shapes.str(inputShape) + " and strides "
                    + Shapes.str(x.stride()) + "; use reshape(...) instead");
        }
        Tensor c = x.contiguous();
        return TensorInternals.view(c, shape, Shapes.contiguousStrides(shape), c.storageOffset());
    }

    private int[] resolve(Tensor x) {
        int[] shape = requested.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1 && inferred < 0) {
                inferred = i;
            } else if (shape[i] < 0) {
                throw new IllegalArgumentException(name() + ": invalid shape " + Shapes.str(requested)
                        + " (only one -1 is allowed and sizes must be >= 0)");
            } else {
                known = Math.min(known * shape[i], 1L << 32);
            }
        }
        int n = x.numel();
        if (inferred >= 0 && known != 0 && n % known == 0) {
            shape[inferred] = (int) (n / known);
            known = n;
        }
        if (known != n || inferred >= 0 && shape[inferred] < 0) {
            throw new IllegalArgumentException(name() + ": shape " + Shapes.str(requested) + " is invalid for input"
                    + " of shape " + Shapes.str(inputShape) + " (" + n + " elements)");
        }
        return shape;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {grad.reshape(inputShape)};
    }
}
