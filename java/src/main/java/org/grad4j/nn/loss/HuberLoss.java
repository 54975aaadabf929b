package org.grad4j.nn.loss;

import org.grad4j.tensor.Tensor;

/**
 * Huber loss, like {@code nn.HuberLoss}: with d = input − target, 0.5·d² where |d| &lt; delta and
 * delta·(|d| − 0.5·delta) elsewhere. Default delta 1.
 */
public final class HuberLoss extends Loss {
    private final float delta;

    /** The mean loss with delta 1, as {@code torch.nn.HuberLoss()}. */
    public HuberLoss() {
        this(Reduction.MEAN, 1.0);
    }

    /**
     * A loss with the given reduction and delta, as {@code torch.nn.HuberLoss(reduction=, delta=)}.
     *
     * @param reduction mean, sum or none
     * @param delta where the loss changes from quadratic to linear, &gt; 0
     * @throws IllegalArgumentException if {@code reduction} is null or {@code delta} is not positive
     */
    public HuberLoss(Reduction reduction, double delta) {
        super(reduction);
        if (!(delta > 0)) {
            throw new IllegalArgumentException("HuberLoss: delta must be > 0, got " + delta);
        }
        this.delta = (float) delta;
    }

    /**
     * Computes the Huber loss of each element and reduces it.
     *
     * @param input the prediction
     * @param target the expected values, of the input's shape
     * @return the reduced loss, or the per-element losses for none
     * @throws IllegalArgumentException if the shapes differ
     */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        requireSameShape(input, target);
        Tensor d = input.sub(target);
        Tensor abs = d.abs();
        return reduction.apply(Tensor.where(
                abs.lt(delta), d.square().mul(0.5f), abs.sub(0.5f * delta).mul(delta)));
    }

    @Override
    public String toString() {
        return "HuberLoss(delta=" + delta + (reduction == Reduction.MEAN ? "" : ", reduction=" + reduction) + ")";
    }
}
