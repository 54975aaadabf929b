package org.grad4j.optim.lr;

import org.grad4j.optim.Optimizer;

/**
 * Cycles the rate between baseLr and maxLr every stepSizeUp + stepSizeDown steps (call
 * {@link #step()} per batch), like {@code CyclicLR}: mode TRIANGULAR keeps the amplitude,
 * TRIANGULAR2 halves it every cycle, EXP_RANGE scales it by gamma^step. Construction sets the
 * rate to baseLr. PyTorch's cycle_momentum is not implemented (it is off here).
 */
public final class CyclicLR extends LRScheduler {
    /** How the amplitude changes from cycle to cycle. */
    public enum Mode {
        /**
         * The same amplitude every cycle.
         */
        TRIANGULAR,
        /**
         * The amplitude halved every cycle.
         */
        TRIANGULAR2,
        /**
         * The amplitude scaled by gamma^step.
         */
        EXP_RANGE
    }

    private final double[] maxLrs;
    private final double totalSize;
    private final double stepRatio;
    private final Mode mode;
    private final double gamma;

    /**
     * A triangular cycle, as long down as up.
     *
     * @param optimizer the optimizer whose groups' rates to set
     * @param baseLr the lowest rate
     * @param maxLr the highest rate
     * @param stepSizeUp the steps from baseLr to maxLr, &gt; 0
     */
    public CyclicLR(Optimizer optimizer, double baseLr, double maxLr, int stepSizeUp) {
        this(optimizer, baseLr, maxLr, stepSizeUp, stepSizeUp, Mode.TRIANGULAR, 1.0);
    }

    /**
     * A cycle of the given shape.
     *
     * @param optimizer the optimizer whose groups' rates to set
     * @param baseLr the lowest rate
     * @param maxLr the highest rate
     * @param stepSizeUp the steps from baseLr to maxLr, &gt; 0
     * @param stepSizeDown the steps back down, &gt;= 0
     * @param mode how the amplitude changes from cycle to cycle
     * @param gamma the factor of EXP_RANGE
     */
    public CyclicLR(
            Optimizer optimizer,
            double baseLr,
            double maxLr,
            int stepSizeUp,
            int stepSizeDown,
            Mode mode,
            double gamma) {
        super(withBase(optimizer, baseLr));
        check(
                stepSizeUp > 0 && stepSizeDown >= 0,
                "CyclicLR: stepSizeUp must be > 0 and stepSizeDown >= 0, got " + stepSizeUp + " and " + stepSizeDown);
        java.util.Arrays.fill(baseLrs, baseLr);
        maxLrs = new double[baseLrs.length];
        java.util.Arrays.fill(maxLrs, maxLr);
        totalSize = stepSizeUp + stepSizeDown;
        stepRatio = stepSizeUp / totalSize;
        this.mode = mode;
        this.gamma = gamma;
        initialStep();
    }

    private static Optimizer withBase(Optimizer optimizer, double baseLr) {
        optimizer.paramGroups().forEach(g -> g.lr(baseLr));
        return optimizer;
    }

    @Override
    protected double[] computeLr() {
        double cycle = Math.floor(1 + lastEpoch / totalSize);
        double x = 1 + lastEpoch / totalSize - cycle;
        double scale = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
        double amplitude = switch (mode) {
            case TRIANGULAR -> 1;
            case TRIANGULAR2 -> 1 / Math.pow(2, cycle - 1);
            case EXP_RANGE -> Math.pow(gamma, lastEpoch);
        };
        double[] lrs = new double[baseLrs.length];
        for (int g = 0; g < lrs.length; g++) {
            lrs[g] = baseLrs[g] + (maxLrs[g] - baseLrs[g]) * scale * amplitude;
        }
        return lrs;
    }
}
