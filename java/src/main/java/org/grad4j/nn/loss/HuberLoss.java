package org.grad4j.nn.loss;

import org.grad4j.tensor.Tensor;

/**
 * Huber loss, like {@code nn.HuberLoss}: with d = input − target, 0.5·d² where |d| < delta and
 * delta·(|d| − 0.5·delta) elsewhere. Default delta 1.
 */
public final class HuberLoss extends Loss {
    private final float delta;

    public HuberLoss() {
        this(Reduction.MEAN, 1.0);
    }

    public HuberLoss(Reduction reduction, double delta) {
        super(reduction);
        if (!(delta > 0)) {
            throw new IllegalArgumentException("HuberLoss: delta must be > 0, got " + delta);
        }
        this.delta = (float) delta;
    }

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
