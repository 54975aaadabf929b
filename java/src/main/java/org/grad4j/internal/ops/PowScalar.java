package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.UnaryOp;
import org.grad4j.graph.Attributes;
import org.grad4j.tensor.Tensor;

/** x ^ p for a constant p. Backward: g·p·x^(p−1). */
public final class PowScalar extends Op {
    private final float exponent;

    public PowScalar(float exponent) {
        this.exponent = exponent;
    }

    @Override
    public String name() {
        return "pow";
    }

    @Override
    public Attributes attributes() {
        return Attributes.of().with("exponent", exponent);
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor y = Kernels.unary(UnaryOp.POW, in[0], exponent, 0f);
        ctx.saveForBackward(in[0]);
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        if (exponent == 0f) {
            return new Tensor[] {grad.mul(0f)};
        }
        return new Tensor[] {grad.mul(ctx.saved(0).pow(exponent - 1f).mul(exponent))};
    }
}
