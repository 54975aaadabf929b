package org.grad4j.internal.ops;

import java.util.Arrays;
import org.grad4j.autograd.Context;
import org.grad4j.backend.ReduceOp;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/** Sum over all elements (dims null) or over the given dims. Backward: g broadcast back to the input's shape. */
public final class Sum extends Op {
    private final int[] dims;
    private final boolean keepDim;
    private int[] inputShape;
    private int[] keptShape;

    @Override
    public String name() {
        return "sum";
    }

    @Override
    public Attributes attributes() {
        return dims == null
                ? Attributes.of()
                : Attributes.of().with("dims", dims).with("keepDim", keepDim);
    }

    public Sum(int[] dims, boolean keepDim) {
        this.dims = dims;
        this.keepDim = keepDim;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0];
        inputShape = x.shape();
        if (dims == null) {
            keptShape = new int[inputShape.length];
            Arrays.fill(keptShape, 1);
            Tensor s = Kernels.reduceAll(ReduceOp.SUM, x);
            return keepDim ? s.reshape(keptShape) : s;
        }
        boolean[] reduce = new boolean[inputShape.length];
        for (int d : dims) {
            int n = Shapes.dim("sum", d, inputShape.length);
            if (reduce[n]) {
                throw new IllegalArgumentException("sum: dim " + d + " appears twice in " + Arrays.toString(dims));
            }
            reduce[n] = true;
        }
        Tensor out = x;
        for (int d = inputShape.length - 1; d >= 0; d--) {
            if (reduce[d]) {
                out = Kernels.reduce(ReduceOp.SUM, out, d);
            }
        }
        keptShape = out.shape();
        if (keepDim) {
            return out;
        }
        int[] squeezed = new int[inputShape.length - dims.length];
        for (int d = 0, j = 0; d < inputShape.length; d++) {
            if (!reduce[d]) {
                squeezed[j++] = inputShape[d];
            }
        }
        return out.reshape(squeezed);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {grad.reshape(keptShape).expand(inputShape)};
    }
}
