package org.grad4j.internal.ops;

import org.grad4j.backend.ReduceOp;
import org.grad4j.graph.Attributes;
import org.grad4j.tensor.Tensor;

/**
 * max's and min's input gradient along dim: g at each row's first maximum (minimum) of x, zeros
 * elsewhere. Made by the op's backward it reuses the positions its forward found; rebuilt from a
 * graph it finds them in x again.
 */
final class ExtremumBackward extends DerivativeOp {
    private final ReduceOp op;
    private final int axis;
    private final int[] positions;

    /** @param positions the forward's arg-max (arg-min) positions, or null to find them again */
    ExtremumBackward(ReduceOp op, int axis, int[] positions) {
        this.op = op;
        this.axis = axis;
        this.positions = positions;
    }

    /** The positions of the first maximum (minimum) of x along axis, row by row. */
    static int[] positions(ReduceOp op, Tensor x, int axis) {
        float[] index = Kernels.reduce(op == ReduceOp.MAX ? ReduceOp.ARGMAX : ReduceOp.ARGMIN, x, axis)
                .toArray();
        int[] p = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            p[i] = (int) index[i];
        }
        return p;
    }

    @Override
    public String name() {
        return op == ReduceOp.MAX ? "maxBackward" : "minBackward";
    }

    @Override
    public Attributes attributes() {
        return Attributes.of().with("dim", axis);
    }

    @Override
    protected Tensor compute(Tensor... in) {
        Tensor x = in[0];
        require(axis >= 0 && axis < x.dim() && in[1].numel() * (long) x.size(axis) == x.numel(), x, in[1]);
        int[] p = positions != null ? positions : positions(op, x, axis);
        return Kernels.scatterAdd(in[1], x.shape(), axis, p, 1, true);
    }
}
