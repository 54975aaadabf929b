package org.grad4j.optim.lr;

import java.util.Arrays;
import org.grad4j.optim.Optimizer;

/** Multiplies the rate by gamma at each milestone epoch, like {@code MultiStepLR}. Default gamma 0.1. */
public final class MultiStepLR extends LRScheduler {
    private final int[] milestones;
    private final double gamma;

    /**
     * Divides the rates by 10 at each milestone.
     *
     * @param optimizer the optimizer whose groups' rates to set
     * @param milestones the steps at which to cut, increasing
     */
    public MultiStepLR(Optimizer optimizer, int[] milestones) {
        this(optimizer, milestones, 0.1);
    }

    /**
     * Multiplies the rates by {@code gamma} at each milestone.
     *
     * @param optimizer the optimizer whose groups' rates to set
     * @param milestones the steps at which to cut, increasing
     * @param gamma the factor of each cut
     */
    public MultiStepLR(Optimizer optimizer, int[] milestones, double gamma) {
        super(optimizer);
        this.milestones = milestones.clone();
        Arrays.sort(this.milestones);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        int hits = 0;
        for (int m : milestones) {
            hits += m == lastEpoch ? 1 : 0;
        }
        return hits == 0 ? currentLrs() : scaled(currentLrs(), Math.pow(gamma, hits));
    }

    @Override
    protected double[] closedFormLr() {
        int passed = 0;
        for (int m : milestones) {
            passed += m <= lastEpoch ? 1 : 0;
        }
        return scaled(baseLrs, Math.pow(gamma, passed));
    }
}
