package org.grad4j.spark;

import java.io.Serializable;

/** Partitions' model and optimizer states after their local steps, each weighted by the rows it trained on. */
final class LocalSum implements Serializable {
    private static final long serialVersionUID = 1L;

    WeightedValues model;
    WeightedValues optimizer;
    OptimizerSnapshot layout;
    double lossSum;
    long rows;
    long computeNanos;

    /** Adds another sum into this one and returns the result (the other itself when this is empty). */
    LocalSum add(LocalSum other) {
        if (other.rows == 0) {
            return this;
        }
        if (rows == 0) {
            return other;
        }
        model = model.add(other.model);
        optimizer = optimizer.add(other.optimizer);
        lossSum += other.lossSum;
        rows += other.rows;
        computeNanos = Math.max(computeNanos, other.computeNanos);
        return this;
    }
}
