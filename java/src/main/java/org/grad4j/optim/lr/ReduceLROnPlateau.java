package org.grad4j.optim.lr;

import java.util.Map;
import org.grad4j.optim.Optimizer;
import org.grad4j.optim.ParamGroup;

/**
 * Cuts the rate by {@code factor} when a metric has stopped improving for {@code patience}
 * epochs, like {@code ReduceLROnPlateau}; call {@link #step(double)} with the metric (a
 * validation loss in MIN mode, an accuracy in MAX mode). Improvement is relative
 * (best·(1 ∓ threshold)) or absolute (best ∓ threshold); after a cut, {@code cooldown} epochs
 * pass before counting again; rates never go below minLr, and changes smaller than eps are skipped.
 * Defaults: MIN, factor 0.1, patience 10, threshold 1e-4 relative, cooldown 0, minLr 0, eps 1e-8.
 */
public final class ReduceLROnPlateau extends LRScheduler {
    private final boolean max;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final boolean relative;
    private final int cooldown;
    private final double minLr;
    private final double eps;
    private double best;
    private int badEpochs;
    private int cooldownCounter;

    /**
     * With PyTorch's defaults: MIN mode, factor 0.1, patience 10, relative threshold 1e-4.
     *
     * @param optimizer the optimizer whose groups' rates to set
     */
    public ReduceLROnPlateau(Optimizer optimizer) {
        this(optimizer, false, 0.1, 10, 1e-4, true, 0, 0, 1e-8);
    }

    /**
     * A schedule that cuts the rates when the metric stops improving.
     *
     * @param optimizer the optimizer whose groups' rates to set
     * @param maxMode whether higher metrics are better (MAX), else lower (MIN)
     * @param factor the factor of a cut, in [0, 1)
     * @param patience the epochs without improvement before a cut, &gt;= 0
     * @param threshold how much better counts as better
     * @param relativeThreshold whether threshold is relative to the best, else absolute
     * @param cooldown the epochs after a cut before counting again, &gt;= 0
     * @param minLr the lowest rate
     * @param eps the smallest change of rate that is made
     */
    public ReduceLROnPlateau(
            Optimizer optimizer,
            boolean maxMode,
            double factor,
            int patience,
            double threshold,
            boolean relativeThreshold,
            int cooldown,
            double minLr,
            double eps) {
        super(optimizer);
        check(factor < 1 && factor >= 0, "ReduceLROnPlateau: factor must be in [0, 1), got " + factor);
        check(patience >= 0 && cooldown >= 0, "ReduceLROnPlateau: patience and cooldown must be >= 0");
        this.max = maxMode;
        this.factor = factor;
        this.patience = patience;
        this.threshold = threshold;
        this.relative = relativeThreshold;
        this.cooldown = cooldown;
        this.minLr = minLr;
        this.eps = eps;
        this.best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        lastEpoch = 0;
        apply(currentLrs());
    }

    /** Always throws: this schedule needs the metric, {@link #step(double)}. */
    @Override
    public void step() {
        throw new IllegalStateException("ReduceLROnPlateau: step needs the metric; call step(metric)");
    }

    @Override
    protected double[] computeLr() {
        return currentLrs();
    }

    /**
     * Records this epoch's metric and cuts the rates if it has stopped improving.
     *
     * @param metric the epoch's validation metric
     */
    public void step(double metric) {
        lastEpoch++;
        if (better(metric)) {
            best = metric;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            badEpochs = 0;
        }
        if (badEpochs > patience) {
            for (ParamGroup g : optimizer.paramGroups()) {
                double cut = Math.max(g.lr() * factor, minLr);
                if (g.lr() - cut > eps) {
                    g.lr(cut);
                }
            }
            cooldownCounter = cooldown;
            badEpochs = 0;
        }
        apply(currentLrs());
    }

    private boolean better(double a) {
        if (relative) {
            return max ? a > best * (1 + threshold) : a < best * (1 - threshold);
        }
        return max ? a > best + threshold : a < best - threshold;
    }

    @Override
    public Map<String, String> stateDict() {
        Map<String, String> state = super.stateDict();
        state.put("best", Double.toString(best));
        state.put("num_bad_epochs", Integer.toString(badEpochs));
        state.put("cooldown_counter", Integer.toString(cooldownCounter));
        return state;
    }

    @Override
    public void loadStateDict(Map<String, String> state) {
        double savedBest = best(state);
        int bad = (int) number(state, "num_bad_epochs", 0, true);
        int cooling = (int) number(state, "cooldown_counter", 0, true);
        super.loadStateDict(state);
        best = savedBest;
        badEpochs = bad;
        cooldownCounter = cooling;
    }

    /** The best metric so far: any number but NaN, infinite before the first epoch. */
    private double best(Map<String, String> state) {
        String text = require(state, "best");
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(
                    "ReduceLROnPlateau.loadStateDict: 'best' must be a number (not NaN), got '" + text + "'");
        }
        return value;
    }
}
