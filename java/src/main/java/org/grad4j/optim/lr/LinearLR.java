package org.grad4j.optim.lr;

import org.grad4j.optim.Optimizer;

/**
 * Scales the rate linearly from startFactor to endFactor over totalIters epochs, then keeps it,
 * like {@code LinearLR}: the usual warm-up. Defaults: 1/3, 1.0, 5.
 */
public final class LinearLR extends LRScheduler {
    private final double startFactor;
    private final double endFactor;
    private final int totalIters;

    /**
     * PyTorch's default warm-up: from a third of the rate to all of it over 5 steps.
     *
     * @param optimizer the optimizer whose groups' rates to set
     */
    public LinearLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5);
    }

    /**
     * Scales the rates linearly from {@code startFactor} to {@code endFactor} over {@code totalIters} steps.
     *
     * @param optimizer the optimizer whose groups' rates to set
     * @param startFactor the factor at step 0
     * @param endFactor the factor from step totalIters on
     * @param totalIters the steps of the ramp
     */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        super(optimizer);
        check(startFactor > 0 && startFactor <= 1, "LinearLR: startFactor must be in (0, 1], got " + startFactor);
        check(endFactor >= 0 && endFactor <= 1, "LinearLR: endFactor must be in [0, 1], got " + endFactor);
        check(totalIters > 0, "LinearLR: totalIters must be > 0, got " + totalIters);
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        if (lastEpoch == 0) {
            return scaled(currentLrs(), startFactor);
        }
        if (lastEpoch > totalIters) {
            return currentLrs();
        }
        return scaled(
                currentLrs(),
                1
                        + (endFactor - startFactor)
                                / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor)));
    }

    @Override
    protected double[] closedFormLr() {
        return scaled(baseLrs, startFactor + (endFactor - startFactor) * Math.min(totalIters, lastEpoch) / totalIters);
    }
}
