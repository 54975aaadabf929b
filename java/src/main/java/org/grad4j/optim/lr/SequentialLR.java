package org.grad4j.optim.lr;

import java.util.List;
import org.grad4j.optim.Optimizer;
import org.grad4j.optim.ParamGroup;

/**
 * Runs schedules one after another, switching at the milestone epochs, like
 * {@code SequentialLR}: e.g. a LinearLR warm-up for 5 epochs, then CosineAnnealingLR. Each later
 * schedule starts at its own epoch 0.
 *
 * <pre>{@code
 * new SequentialLR(opt, List.of(new LinearLR(opt, 0.1, 1, 5), new CosineAnnealingLR(opt, 45)), new int[] {5});
 * }</pre>
 */
public final class SequentialLR extends LRScheduler {
    private final List<LRScheduler> schedulers;
    private final int[] milestones;

    /**
     * Runs each schedule until the next milestone, then hands over to the next.
     *
     * @param optimizer the optimizer whose groups' rates to set
     * @param schedulers schedules of this optimizer
     * @param milestones the steps at which the next one takes over, one fewer than schedules
     */
    public SequentialLR(Optimizer optimizer, List<LRScheduler> schedulers, int[] milestones) {
        super(optimizer);
        check(
                !schedulers.isEmpty() && milestones.length == schedulers.size() - 1,
                "SequentialLR: needs "
                        + (schedulers.size() - 1) + " milestones for " + schedulers.size() + " schedules, got "
                        + milestones.length);
        for (LRScheduler s : schedulers) {
            check(s.optimizer == optimizer, "SequentialLR: every schedule must drive the same optimizer");
        }
        this.schedulers = List.copyOf(schedulers);
        this.milestones = milestones.clone();
        for (ParamGroup g : optimizer.paramGroups()) {
            g.lr(g.initialLr());
        }
        for (LRScheduler s : schedulers) {
            s.lastEpoch--;
        }
        schedulers.get(0).step();
        lastEpoch = 0;
        apply(currentLrs());
    }

    @Override
    public void step() {
        lastEpoch++;
        int index = 0;
        while (index < milestones.length && milestones[index] <= lastEpoch) {
            index++;
        }
        LRScheduler current = schedulers.get(index);
        if (index > 0 && milestones[index - 1] == lastEpoch) {
            current.stepTo(0);
        } else {
            current.step();
        }
        apply(currentLrs());
    }

    @Override
    protected double[] computeLr() {
        return currentLrs();
    }
}
