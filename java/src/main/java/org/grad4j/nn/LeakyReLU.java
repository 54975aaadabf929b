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

    public LeakyReLU() {
        this(0.01);
    }

    public LeakyReLU(double negativeSlope) {
        if (!Double.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("LeakyReLU: negativeSlope must be finite, got " + negativeSlope);
        }
        this.negativeSlope = negativeSlope;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.leakyRelu((float) negativeSlope);
    }

    /** The slope for negative inputs. */
    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    protected String extraRepr() {
        return "negative_slope=" + Repr.num(negativeSlope);
    }
}
