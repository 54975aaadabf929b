package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.UnaryOp;
import org.grad4j.graph.Attributes;
import org.grad4j.tensor.Tensor;

/** max(x, 0) + slope·min(x, 0) (ReLU for slope 0). Backward: g where x &gt; 0, else slope·g. */
public final class LeakyRelu extends Op {
    private final float slope;

    public LeakyRelu(float slope) {
        this.slope = slope;
    }

    @Override
    public String name() {
        return slope == 0f ? "relu" : "leakyRelu";
    }

    @Override
    public Attributes attributes() {
        return slope == 0f ? Attributes.of() : Attributes.of().with("negativeSlope", slope);
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor y = Kernels.unary(UnaryOp.LEAKY_RELU, in[0], slope, 0f);
        ctx.saveForBackward(in[0]);
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        if (slope == 0f) {
            return new Tensor[] {new ReluBackward().apply(ctx.saved(0), grad)};
        }
        return new Tensor[] {grad.mul(new PointwiseDerivative(UnaryOp.LEAKY_RELU_GRAD, slope, 0f).apply(ctx.saved(0)))};
    }
}
