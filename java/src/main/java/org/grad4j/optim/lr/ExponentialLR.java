package org.grad4j.optim.lr;

import org.grad4j.optim.Optimizer;

/** Multiplies the rate by gamma every epoch, like {@code ExponentialLR}. */
public final class ExponentialLR extends LRScheduler {
    private final double gamma;

    /**
     * Multiplies the rates by {@code gamma} each step.
     *
     * @param optimizer the optimizer whose groups' rates to set
     * @param gamma the factor per step
     */
    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        return lastEpoch == 0 ? currentLrs() : scaled(currentLrs(), gamma);
    }

    @Override
    protected double[] closedFormLr() {
        return scaled(baseLrs, Math.pow(gamma, lastEpoch));
    }
}
