package org.grad4j.internal.ops;

import java.util.Arrays;
import org.grad4j.autograd.Context;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/** Reorders dims (a view). Backward: the inverse permutation of g. */
public final class Permute extends Op {
    private final int[] dims;
    private int[] inverse;

    public Permute(int[] dims) {
        this.dims = dims.clone();
    }

    @Override
    public String name() {
        return "permute";
    }

    @Override
    public Attributes attributes() {
        return Attributes.of().with("dims", dims);
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0];
        int rank = x.dim();
        if (dims.length != rank) {
            throw new IllegalArgumentException("permute: " + Arrays.toString(dims) + " has " + dims.length
                    + " dims for a tensor of shape " + Shapes.str(x.shape()));
        }
        int[] shape = x.shape();
        int[] strides = x.stride();
        int[] outShape = new int[rank];
        int[] outStrides = new int[rank];
        inverse = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            int d = Shapes.dim("permute", dims[i], rank);
            if (seen[d]) {
                throw new IllegalArgumentException("permute: dims " + Arrays.toString(dims) + " repeat dim " + d);
            }
            seen[d] = true;
            outShape[i] = shape[d];
            outStrides[i] = strides[d];
            inverse[d] = i;
        }
        return TensorInternals.view(x, outShape, outStrides, x.storageOffset());
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {grad.permute(inverse)};
    }
}
