package org.grad4j.optim.lr;

import org.grad4j.optim.Optimizer;

/**
 * Anneals the rate from its base to etaMin along half a cosine over tMax epochs (and back up
 * over the next tMax, as PyTorch's recursive form does), like {@code CosineAnnealingLR}.
 */
public final class CosineAnnealingLR extends LRScheduler {
    private final int tMax;
    private final double etaMin;

    /**
     * Anneals to 0 over {@code tMax} steps.
     *
     * @param optimizer the optimizer whose groups' rates to set
     * @param tMax the steps of a half period, &gt; 0
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0);
    }

    /**
     * Anneals to {@code etaMin} over {@code tMax} steps.
     *
     * @param optimizer the optimizer whose groups' rates to set
     * @param tMax the steps of a half period, &gt; 0
     * @param etaMin the lowest rate
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        check(tMax > 0, "CosineAnnealingLR: tMax must be > 0, got " + tMax);
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lrs = currentLrs();
        if (lastEpoch == 0) {
            return lrs;
        }
        for (int g = 0; g < lrs.length; g++) {
            if ((lastEpoch - 1 - tMax) % (2 * tMax) == 0) {
                lrs[g] += (baseLrs[g] - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
            } else {
                lrs[g] = (1 + Math.cos(Math.PI * lastEpoch / tMax))
                                / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax))
                                * (lrs[g] - etaMin)
                        + etaMin;
            }
        }
        return lrs;
    }

    @Override
    protected double[] closedFormLr() {
        double[] lrs = baseLrs.clone();
        for (int g = 0; g < lrs.length; g++) {
            lrs[g] = etaMin + (baseLrs[g] - etaMin) * (1 + Math.cos(Math.PI * lastEpoch / tMax)) / 2;
        }
        return lrs;
    }
}
