package org.grad4j.optim.lr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grad4j.optim.Optimizer;
import org.grad4j.optim.ParamGroup;

/**
 * Changes the learning rate of an optimizer's param groups as training goes, like
 * {@code torch.optim.lr_scheduler.LRScheduler}: construction applies epoch 0's rate, each
 * {@link #step()} moves to the next epoch (or step, for the per-batch schedules). Several
 * schedules can act on one optimizer ({@link ChainedScheduler}) or follow one another
 * ({@link SequentialLR}).
 */
public abstract class LRScheduler {
    /** The optimizer whose groups' rates this schedule sets. */
    protected final Optimizer optimizer;

    /** Each group's rate at the start of the first schedule attached to it (PyTorch's base_lrs). */
    protected final double[] baseLrs;

    /** The epoch (or step) the groups' rates are for; -1 before the first. */
    protected int lastEpoch = -1;

    private double[] lastLr;

    /**
     * A schedule of {@code optimizer}'s rates; the first one attached to a group records its rate
     * as the group's initial lr.
     *
     * @param optimizer the optimizer whose groups' rates to set
     */
    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        List<ParamGroup> groups = optimizer.paramGroups();
        baseLrs = new double[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            ParamGroup group = groups.get(g);
            if (Double.isNaN(group.initialLr())) {
                group.initialLr(group.lr());
            }
            baseLrs[g] = group.initialLr();
        }
    }

    /** Subclasses call this last in their constructor: the rate of epoch 0. */
    protected final void initialStep() {
        step();
    }

    /** Moves to the next epoch and sets the groups' learning rates for it. */
    public void step() {
        lastEpoch++;
        apply(computeLr());
    }

    /**
     * The rates for {@link #lastEpoch}, from the groups' current rates where the rule is recursive.
     *
     * @return one rate per param group
     */
    protected abstract double[] computeLr();

    /**
     * The rates at {@link #lastEpoch} from the base rates alone.
     *
     * @return one rate per param group, or null if the schedule has no closed form
     */
    protected double[] closedFormLr() {
        return null;
    }

    /** Jumps to an epoch (what SequentialLR does when it hands over to the next schedule). */
    void stepTo(int epoch) {
        lastEpoch = epoch;
        double[] closed = closedFormLr();
        apply(closed != null ? closed : computeLr());
    }

    /**
     * The groups' current rates.
     *
     * @return one rate per param group
     */
    protected final double[] currentLrs() {
        return optimizer.paramGroups().stream().mapToDouble(ParamGroup::lr).toArray();
    }

    /**
     * Sets the groups' rates.
     *
     * @param lrs one rate per param group
     */
    protected final void apply(double[] lrs) {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).lr(lrs[g]);
        }
        lastLr = lrs.clone();
    }

    /**
     * The rates the last step set, as {@code get_last_lr()}.
     *
     * @return one rate per param group
     */
    public double[] getLastLr() {
        return lastLr.clone();
    }

    /**
     * The epoch (or step) the current rates are for.
     *
     * @return the number of steps taken, counting the one construction takes, minus one
     */
    public int lastEpoch() {
        return lastEpoch;
    }

    /**
     * The schedule's position, exactly, for a checkpoint's metadata.
     *
     * @return last_epoch, base_lrs and last_lr by key, as exact decimal strings
     */
    public Map<String, String> stateDict() {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("last_epoch", Integer.toString(lastEpoch));
        for (int g = 0; g < baseLrs.length; g++) {
            state.put("base_lrs." + g, Double.toString(baseLrs[g]));
            state.put("last_lr." + g, Double.toString(lastLr[g]));
        }
        return state;
    }

    /**
     * Restores a position saved by {@link #stateDict()}; on an error nothing changes.
     *
     * @param state the saved position
     * @throws IllegalArgumentException if a key is missing or not a number, last_epoch is below -1, or
     *     a rate is negative or not finite
     */
    public void loadStateDict(Map<String, String> state) {
        int epoch = (int) number(state, "last_epoch", -1, true);
        double[] base = new double[baseLrs.length];
        double[] last = new double[baseLrs.length];
        for (int g = 0; g < baseLrs.length; g++) {
            base[g] = number(state, "base_lrs." + g, 0, false);
            last[g] = number(state, "last_lr." + g, 0, false);
        }
        lastEpoch = epoch;
        System.arraycopy(base, 0, baseLrs, 0, base.length);
        lastLr = last;
    }

    /**
     * A saved number that must be there, finite and at least {@code min}.
     *
     * @param state a saved position
     * @param key the key
     * @param min the smallest valid value
     * @param whole whether the value must be an int
     * @return its value
     * @throws IllegalArgumentException naming the key and the value
     */
    protected final double number(Map<String, String> state, String key, double min, boolean whole) {
        String text = require(state, key);
        double value;
        try {
            value = whole ? Integer.parseInt(text) : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".loadStateDict: '" + key + "' is not "
                    + (whole ? "an integer" : "a number") + ": '" + text + "'");
        }
        if (!(value >= min) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".loadStateDict: '" + key
                    + "' must be finite and >= " + (whole ? Integer.toString((int) min) : Double.toString(min))
                    + ", got " + text);
        }
        return value;
    }

    /**
     * A saved value that must be there.
     *
     * @param state a saved position
     * @param key the key
     * @return its value
     * @throws IllegalArgumentException naming the missing key
     */
    protected final String require(Map<String, String> state, String key) {
        String value = state.get(key);
        if (value == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".loadStateDict: missing '" + key + "'");
        }
        return value;
    }

    /**
     * Rates times a factor.
     *
     * @param lrs one rate per param group
     * @param factor the factor
     * @return new rates
     */
    protected final double[] scaled(double[] lrs, double factor) {
        double[] out = lrs.clone();
        for (int g = 0; g < out.length; g++) {
            out[g] *= factor;
        }
        return out;
    }

    /**
     * Checks a hyper-parameter.
     *
     * @param ok whether it is valid
     * @param message the exception's message when it is not
     * @throws IllegalArgumentException with {@code message} unless {@code ok}
     */
    protected static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
