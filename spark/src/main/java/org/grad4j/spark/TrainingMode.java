package org.grad4j.spark;

import java.io.Serializable;

/** How the executors' work becomes a step of the model on the driver. */
public sealed interface TrainingMode extends Serializable permits TrainingMode.Sync, TrainingMode.LocalSgd {
    /**
     * Each step's gradient is summed over every partition's share of the global batch, and the
     * driver's optimizer takes the step: training equals single-process training on the same global
     * batches. The default.
     *
     * @return the mode
     */
    static TrainingMode sync() {
        return new Sync();
    }

    /**
     * Each partition takes {@code steps} optimizer steps of its own on its shares of the next
     * {@code steps} global batches, from the same parameters and optimizer state; then the
     * parameters, buffers and optimizer states are averaged, weighted by the rows each partition
     * saw. It pays Spark's per-step overhead once per {@code steps} steps, and it is not equivalent
     * to single-process training: each local step sees a partition's share of a batch only.
     *
     * @param steps local steps between averagings, at least 1
     * @return the mode
     * @throws IllegalArgumentException if {@code steps} is less than 1
     */
    static TrainingMode localSgd(int steps) {
        return new LocalSgd(steps);
    }

    /**
     * See {@link TrainingMode#sync()}.
     *
     * @serial exclude
     */
    record Sync() implements TrainingMode {}

    /**
     * See {@link TrainingMode#localSgd(int)}.
     *
     * @param steps local steps between averagings
     * @serial exclude
     */
    record LocalSgd(int steps) implements TrainingMode {
        /**
         * Checks the step count.
         *
         * @param steps local steps between averagings
         * @throws IllegalArgumentException if {@code steps} is less than 1
         */
        public LocalSgd {
            if (steps < 1) {
                throw new IllegalArgumentException("TrainingMode.localSgd: steps must be >= 1, got " + steps);
            }
        }
    }
}
