package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/** Joins tensors along an existing dim. Backward: g cut back into the inputs' pieces. */
public final class Cat extends Op {
    private final int dim;
    private int axis;
    private int[] sizes;

    public Cat(int dim) {
        this.dim = dim;
    }

    @Override
    public String name() {
        return "cat";
    }

    @Override
    public Attributes attributes() {
        return Attributes.of().with("dim", dim);
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        if (in.length == 0) {
            throw new IllegalArgumentException("cat: expects a non-empty list of tensors");
        }
        int[] first = in[0].shape();
        if (first.length == 0) {
            throw new IllegalArgumentException("cat: zero-dimensional tensors cannot be concatenated");
        }
        axis = Shapes.dim("cat", dim, first.length);
        sizes = new int[in.length];
        long total = 0;
        for (int i = 0; i < in.length; i++) {
            int[] s = in[i].shape();
            boolean same = s.length == first.length;
            for (int d = 0; same && d < s.length; d++) {
                same = d == axis || s[d] == first[d];
            }
            if (!same) {
                throw new IllegalArgumentException("cat: tensor " + i + " has shape " + Shapes.str(s) + ", expected "
                        + Shapes.str(first) + " except in dim " + axis);
            }
            sizes[i] = s[axis];
            total += s[axis];
        }
        int[] outShape = first.clone();
        outShape[axis] = Shapes.size("cat", "the joined dim " + axis, total);
        Shapes.checkNumel("cat", "the result", outShape);
        Tensor out = Tensor.zeros(outShape);
        int[] outStrides = out.stride();
        int at = 0;
        for (Tensor t : in) {
            Kernels.backend()
                    .copy(
                            t.shape(),
                            TensorInternals.data(t),
                            t.storageOffset(),
                            t.stride(),
                            TensorInternals.data(out),
                            at * outStrides[axis],
                            outStrides);
            at += t.size(axis);
        }
        return out;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        Tensor[] grads = new Tensor[sizes.length];
        int at = 0;
        for (int i = 0; i < sizes.length; i++) {
            grads[i] = ctx.needsInputGrad(i) ? grad.narrow(axis, at, sizes[i]) : null;
            at += sizes[i];
        }
        return grads;
    }
}
