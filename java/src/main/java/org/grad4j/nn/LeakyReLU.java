package org.grad4j.nn;

import org.grad4j.tensor.Tensor;

/**
 * max(0, x) + negativeSlope · min(0, x) element-wise, like {@code torch.nn.LeakyReLU}.
 *
 * <p>Shape: any; output as input. Default negativeSlope 0.01.
 * See https://pytorch.org/docs/stable/generated/torch.nn.LeakyReLU.html
 *
 * <pre>{@code
 * new LeakyReLU(0.2).forward(Tensor.of(new float[] {-1, 2}, 2));   // [-0.2, 2]
 * }</pre>
 */
public class LeakyReLU extends Module {
    private final double negativeSlope;

    /** Leaky ReLU with negativeSlope 0.01, as {@code torch.nn.LeakyReLU()}. */
    public LeakyReLU() {
        this(0.01);
    }

    /**
     * Leaky ReLU with the given slope, as {@code torch.nn.LeakyReLU(negative_slope)}.
     *
     * @param negativeSlope the slope for negative inputs, finite
     * @throws IllegalArgumentException if {@code negativeSlope} is not finite
     */
    public LeakyReLU(double negativeSlope) {
        if (!Double.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("LeakyReLU: negativeSlope must be finite, got " + negativeSlope);
        }
        this.negativeSlope = negativeSlope;
    }

    /**
     * Applies leaky ReLU element-wise.
     *
     * @param input any shape
     * @return the activations, in the input's shape
     */
    @Override
    public Tensor forward(Tensor input) {
        return input.leakyRelu((float) negativeSlope);
    }

    /**
     * The slope for negative inputs.
     *
     * @return negativeSlope
     */
    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    protected String extraRepr() {
        return "negative_slope=" + Repr.num(negativeSlope);
    }
}
