package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.UnaryOp;
import org.grad4j.graph.Attributes;
import org.grad4j.tensor.Tensor;

/** x for x &gt; 0, alpha·(exp(x) − 1) otherwise. Backward: g where x &gt; 0, else g·alpha·exp(x). */
public final class Elu extends Op {
    private final float alpha;

    @Override
    public String name() {
        return "elu";
    }

    @Override
    public Attributes attributes() {
        return Attributes.of().with("alpha", alpha);
    }

    public Elu(float alpha) {
        this.alpha = alpha;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor y = Kernels.unary(UnaryOp.ELU, in[0], alpha, 0f);
        ctx.saveForBackward(in[0]);
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {grad.mul(new PointwiseDerivative(UnaryOp.ELU_GRAD, alpha, 0f).apply(ctx.saved(0)))};
    }
}
