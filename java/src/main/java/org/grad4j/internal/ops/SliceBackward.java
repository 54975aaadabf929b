package org.grad4j.internal.ops;

import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * narrow's and slice's input gradient: zeros of the input's shape with g written at the elements
 * start, start + step, ... of dim.
 */
final class SliceBackward extends DerivativeOp {
    private final int[] inputShape;
    private final int dim;
    private final int start;
    private final int step;

    SliceBackward(int[] inputShape, int dim, int start, int step) {
        this.inputShape = inputShape.clone();
        this.dim = dim;
        this.start = start;
        this.step = step;
    }

    @Override
    public String name() {
        return "sliceBackward";
    }

    @Override
    public Attributes attributes() {
        return Attributes.of()
                .with("shape", inputShape)
                .with("dim", dim)
                .with("start", start)
                .with("step", step);
    }

    @Override
    protected Tensor compute(Tensor... in) {
        Tensor grad = in[0];
        int[] g = grad.shape();
        boolean fits = g.length == inputShape.length && dim >= 0 && dim < g.length && start >= 0 && step > 0;
        for (int d = 0; fits && d < g.length; d++) {
            fits = d == dim ? g[d] == 0 || start + (long) (g[d] - 1) * step < inputShape[d] : g[d] == inputShape[d];
        }
        require(fits, grad);
        Tensor out = Tensor.zeros(inputShape);
        int[] strides = out.stride();
        int offset = start * strides[dim];
        if (grad.size(dim) > 1) {
            strides[dim] *= step;
        }
        Kernels.backend()
                .copy(
                        grad.shape(),
                        TensorInternals.data(grad),
                        grad.storageOffset(),
                        grad.stride(),
                        TensorInternals.data(out),
                        offset,
                        strides);
        return out;
    }
}
