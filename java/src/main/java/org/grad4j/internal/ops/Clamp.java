package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.UnaryOp;
import org.grad4j.graph.Attributes;
import org.grad4j.tensor.Tensor;

/** min(max(x, lo), hi). Backward: g where lo &lt;= x &lt;= hi, else 0. */
public final class Clamp extends Op {
    private final float min;
    private final float max;

    @Override
    public String name() {
        return "clamp";
    }

    @Override
    public Attributes attributes() {
        return Attributes.of().with("min", min).with("max", max);
    }

    public Clamp(float min, float max) {
        if (Float.isNaN(min) || Float.isNaN(max) || min > max) {
            throw new IllegalArgumentException("clamp: min " + min + " must be <= max " + max);
        }
        this.min = min;
        this.max = max;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor y = Kernels.unary(UnaryOp.CLAMP, in[0], min, max);
        ctx.saveForBackward(in[0]);
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {grad.mul(new PointwiseDerivative(UnaryOp.CLAMP_GRAD, min, max).apply(ctx.saved(0)))};
    }
}
