package org.grad4j.internal.ops;

import java.util.Locale;
import org.grad4j.backend.UnaryOp;
import org.grad4j.graph.Attributes;
import org.grad4j.tensor.Tensor;

/**
 * The element-wise derivative factor of an activation at x, from its backend kernel: sign (of
 * abs), clampGrad, eluGrad, geluGrad and leakyReluGrad, with the activation's alpha and beta.
 */
final class PointwiseDerivative extends DerivativeOp {
    private final UnaryOp op;
    private final float alpha;
    private final float beta;

    PointwiseDerivative(UnaryOp op, float alpha, float beta) {
        this.op = op;
        this.alpha = alpha;
        this.beta = beta;
    }

    /** The op's name: the kernel's in lowerCamelCase, {@code LEAKY_RELU_GRAD} as {@code leakyReluGrad}. */
    static String nameOf(UnaryOp op) {
        String[] words = op.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return b.toString();
    }

    @Override
    public String name() {
        return nameOf(op);
    }

    @Override
    public Attributes attributes() {
        return Attributes.of().with("alpha", alpha).with("beta", beta);
    }

    @Override
    protected Tensor compute(Tensor... in) {
        return Kernels.unary(op, in[0], alpha, beta);
    }
}
