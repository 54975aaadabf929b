package org.grad4j.spark;

import java.io.Serializable;

/**
 * Partitions' states after their local steps, each weighted by the rows it trained on; the
 * optimizer's step counts are kept as their maximum instead.
 */
final class LocalSum implements Serializable {
    private static final long serialVersionUID = 1L;

    double[] model;
    double[] optimizer;
    OptimizerSnapshot layout;
    double lossSum;
    long rows;
    long computeNanos;

    LocalSum add(LocalSum other) {
        if (other.rows == 0) {
            return this;
        }
        if (rows == 0) {
            model = other.model.clone();
            optimizer = other.optimizer.clone();
            layout = other.layout;
        } else {
            GradientSum.addInto(model, other.model);
            boolean[] steps = layout.stepCounts();
            for (int i = 0; i < optimizer.length; i++) {
                optimizer[i] =
                        steps[i] ? Math.max(optimizer[i], other.optimizer[i]) : optimizer[i] + other.optimizer[i];
            }
        }
        lossSum += other.lossSum;
        rows += other.rows;
        computeNanos = Math.max(computeNanos, other.computeNanos);
        return this;
    }
}
