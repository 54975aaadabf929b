package org.grad4j.optim.lr;

import java.util.List;

/**
 * Steps several schedules of one optimizer together, each applying its change to the rate the
 * others left, like {@code ChainedScheduler}: e.g. an ExponentialLR decay under a CyclicLR.
 */
public final class ChainedScheduler extends LRScheduler {
    private final List<LRScheduler> schedulers;

    /**
     * Steps every schedule in the list at each step, in order.
     *
     * @param schedulers schedules of one optimizer, at least one
     */
    public ChainedScheduler(List<LRScheduler> schedulers) {
        super(first(schedulers).optimizer);
        for (LRScheduler s : schedulers) {
            check(s.optimizer == optimizer, "ChainedScheduler: every schedule must drive the same optimizer");
        }
        this.schedulers = List.copyOf(schedulers);
        lastEpoch = 0;
        apply(currentLrs());
    }

    private static LRScheduler first(List<LRScheduler> schedulers) {
        check(!schedulers.isEmpty(), "ChainedScheduler: needs at least one schedule");
        return schedulers.get(0);
    }

    @Override
    public void step() {
        lastEpoch++;
        for (LRScheduler s : schedulers) {
            s.step();
        }
        apply(currentLrs());
    }

    @Override
    protected double[] computeLr() {
        return currentLrs();
    }
}
