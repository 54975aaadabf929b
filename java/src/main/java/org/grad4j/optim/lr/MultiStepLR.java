package org.grad4j.optim.lr;

import java.util.Arrays;
import org.grad4j.optim.Optimizer;

/** Multiplies the rate by gamma at each milestone epoch, like {@code MultiStepLR}. Default gamma 0.1. */
public final class MultiStepLR extends LRScheduler {
    private final int[] milestones;
    private final double gamma;

    public MultiStepLR(Optimizer optimizer, int[] milestones) {
        this(optimizer, milestones, 0.1);
    }

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
