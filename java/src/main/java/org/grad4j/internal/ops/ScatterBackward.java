package org.grad4j.internal.ops;

import org.grad4j.graph.Attributes;
import org.grad4j.tensor.Tensor;

/**
 * gather's and indexSelect's input gradient: g added into zeros of the input's shape at the
 * positions the index names along dim. Made by the op's backward it reuses the positions its
 * forward read; rebuilt from a graph it reads them from the index again.
 */
final class ScatterBackward extends DerivativeOp {
    private final boolean gather;
    private final int[] inputShape;
    private final int axis;
    private final int[] positions;

    /** @param positions the forward's positions, or null to read them from the index */
    ScatterBackward(boolean gather, int[] inputShape, int axis, int[] positions) {
        this.gather = gather;
        this.inputShape = inputShape.clone();
        this.axis = axis;
        this.positions = positions;
    }

    @Override
    public String name() {
        return gather ? "gatherBackward" : "indexSelectBackward";
    }

    @Override
    public Attributes attributes() {
        return Attributes.of().with("shape", inputShape).with("dim", axis);
    }

    @Override
    protected Tensor compute(Tensor... in) {
        Tensor grad = in[0];
        Tensor index = in[1];
        int[] expected = inputShape.clone();
        boolean ok = axis >= 0 && axis < inputShape.length;
        if (ok && gather) {
            int[] is = index.shape();
            ok = is.length == inputShape.length;
            for (int d = 0; ok && d < is.length; d++) {
                ok = d == axis || is[d] == inputShape[d];
            }
        } else if (ok) {
            ok = index.dim() <= 1;
            expected[axis] = index.numel();
        }
        require(ok && java.util.Arrays.equals(grad.shape(), gather ? index.shape() : expected), grad, index);
        int[] p = positions != null ? positions : Kernels.indices(name(), index, inputShape[axis]);
        int count = gather ? index.size(axis) : p.length;
        return Kernels.scatterAdd(grad, inputShape, axis, p, count, gather);
    }
}
