package org.grad4j.nn;

import org.grad4j.tensor.Tensor;

/**
 * x for x &gt; 0, alpha · (exp(x) − 1) otherwise, element-wise, like {@code torch.nn.ELU}.
 *
 * <p>Shape: any; output as input. Default alpha 1.0.
 * See https://pytorch.org/docs/stable/generated/torch.nn.ELU.html
 *
 * <pre>{@code
 * new ELU().forward(Tensor.of(new float[] {-1, 2}, 2));   // [-0.6321, 2]
 * }</pre>
 */
public class ELU extends Module {
    private final double alpha;

    /** ELU with alpha 1.0, as {@code torch.nn.ELU()}. */
    public ELU() {
        this(1.0);
    }

    /**
     * ELU with the given scale, as {@code torch.nn.ELU(alpha)}.
     *
     * @param alpha the scale of the negative part, finite
     * @throws IllegalArgumentException if {@code alpha} is not finite
     */
    public ELU(double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("ELU: alpha must be finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    /**
     * Applies ELU element-wise.
     *
     * @param input any shape
     * @return the activations, in the input's shape
     */
    @Override
    public Tensor forward(Tensor input) {
        return input.elu((float) alpha);
    }

    /**
     * The scale of the negative part.
     *
     * @return alpha
     */
    public double alpha() {
        return alpha;
    }

    @Override
    protected String extraRepr() {
        return "alpha=" + Repr.num(alpha);
    }
}
