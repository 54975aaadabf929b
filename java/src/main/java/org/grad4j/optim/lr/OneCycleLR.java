package org.grad4j.optim.lr;

import org.grad4j.optim.Optimizer;
import org.grad4j.optim.ParamGroup;

/**
 * The 1cycle policy over totalSteps batches (call {@link #step()} per batch), like
 * {@code OneCycleLR}: from maxLr/divFactor up to maxLr over the first pctStart of the steps,
 * then down to maxLr/(divFactor·finalDivFactor), by cosine or linear annealing; with threePhase,
 * back to the start rate before the final descent. Defaults: pctStart 0.3, cosine, divFactor 25,
 * finalDivFactor 1e4. PyTorch's cycle_momentum is not implemented (it is off here).
 */
public final class OneCycleLR extends LRScheduler {
    private final int totalSteps;
    private final boolean cosine;
    private final double[] phaseEnds;
    private final double[][] phaseRates;

    /**
     * PyTorch's default one-cycle schedule: 30 % warm-up, cosine annealing, divFactor 25, finalDivFactor 1e4.
     *
     * @param optimizer the optimizer whose groups' rates to set
     * @param maxLr the peak rate
     * @param totalSteps the steps of the whole cycle, &gt; 0
     */
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps) {
        this(optimizer, maxLr, totalSteps, 0.3, true, 25, 1e4, false);
    }

    /**
     * A one-cycle schedule: from maxLr / divFactor up to maxLr, then down to that start over finalDivFactor.
     *
     * @param optimizer the optimizer whose groups' rates to set
     * @param maxLr the peak rate
     * @param totalSteps the steps of the whole cycle, &gt; 0
     * @param pctStart the share of the cycle spent rising, in [0, 1]
     * @param cosine cosine annealing, else linear
     * @param divFactor maxLr over the start rate
     * @param finalDivFactor the start rate over the final rate
     * @param threePhase whether to come back to the start rate before annealing to the final one
     */
    public OneCycleLR(
            Optimizer optimizer,
            double maxLr,
            int totalSteps,
            double pctStart,
            boolean cosine,
            double divFactor,
            double finalDivFactor,
            boolean threePhase) {
        super(optimizer);
        check(totalSteps > 0, "OneCycleLR: totalSteps must be > 0, got " + totalSteps);
        check(pctStart >= 0 && pctStart <= 1, "OneCycleLR: pctStart must be in [0, 1], got " + pctStart);
        this.totalSteps = totalSteps;
        this.cosine = cosine;
        double initial = maxLr / divFactor;
        double min = initial / finalDivFactor;
        for (ParamGroup g : optimizer.paramGroups()) {
            g.initialLr(initial);
        }
        if (threePhase) {
            phaseEnds = new double[] {pctStart * totalSteps - 1, 2 * pctStart * totalSteps - 2, totalSteps - 1};
            phaseRates = new double[][] {{initial, maxLr}, {maxLr, initial}, {initial, min}};
        } else {
            phaseEnds = new double[] {pctStart * totalSteps - 1, totalSteps - 1};
            phaseRates = new double[][] {{initial, maxLr}, {maxLr, min}};
        }
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        if (lastEpoch > totalSteps) {
            throw new IllegalStateException(
                    "OneCycleLR: stepped " + lastEpoch + " times, more than totalSteps = " + totalSteps);
        }
        double start = 0;
        double lr = Double.NaN;
        for (int i = 0; i < phaseEnds.length; i++) {
            if (lastEpoch <= phaseEnds[i] || i == phaseEnds.length - 1) {
                double pct = Math.min(1, (lastEpoch - start) / (phaseEnds[i] - start));
                double from = phaseRates[i][0];
                double to = phaseRates[i][1];
                lr = cosine ? to + (from - to) / 2 * (Math.cos(Math.PI * pct) + 1) : (to - from) * pct + from;
                break;
            }
            start = phaseEnds[i];
        }
        double[] lrs = new double[baseLrs.length];
        java.util.Arrays.fill(lrs, lr);
        return lrs;
    }
}
