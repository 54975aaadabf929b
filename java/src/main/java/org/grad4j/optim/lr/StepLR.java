package org.grad4j.optim.lr;

import org.grad4j.optim.Optimizer;

/** Multiplies the rate by gamma every {@code stepSize} epochs, like {@code StepLR}. Default gamma 0.1. */
public final class StepLR extends LRScheduler {
    private final int stepSize;
    private final double gamma;

    /**
     * Divides the rates by 10 every {@code stepSize} steps.
     *
     * @param optimizer the optimizer whose groups' rates to set
     * @param stepSize the steps between cuts, &gt; 0
     */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    /**
     * Multiplies the rates by {@code gamma} every {@code stepSize} steps.
     *
     * @param optimizer the optimizer whose groups' rates to set
     * @param stepSize the steps between cuts, &gt; 0
     * @param gamma the factor of each cut
     */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        check(stepSize > 0, "StepLR: stepSize must be > 0, got " + stepSize);
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        return lastEpoch == 0 || lastEpoch % stepSize != 0 ? currentLrs() : scaled(currentLrs(), gamma);
    }

    @Override
    protected double[] closedFormLr() {
        return scaled(baseLrs, Math.pow(gamma, lastEpoch / stepSize));
    }
}
