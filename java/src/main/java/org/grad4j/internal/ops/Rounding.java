package org.grad4j.internal.ops;

import java.util.Locale;
import org.grad4j.autograd.Context;
import org.grad4j.backend.UnaryOp;
import org.grad4j.tensor.Tensor;

/**
 * floor, ceil and trunc: x rounded to an integer, down, up or toward zero. Backward: zeros, as in
 * PyTorch (the output is piecewise constant; its jumps are given no gradient).
 */
public final class Rounding extends Op {
    private final UnaryOp op;

    /** {@code op}: FLOOR, CEIL or TRUNC. */
    public Rounding(UnaryOp op) {
        this.op = op;
    }

    @Override
    public String name() {
        return op.name().toLowerCase(Locale.ROOT);
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        return Kernels.unary(op, in[0]);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {Tensor.zeros(grad.shape())};
    }
}
