package org.grad4j.spark;

import java.io.Serializable;

/**
 * The sum, over the rows of a step's global batch that some partitions hold, of each row's gradient
 * and loss, plus the partitions' buffers weighted by their rows. A task sends its partition's part
 * as it came out of backward: the gradient of its loss, weighted by its row count for a mean loss.
 */
final class GradientSum implements Serializable {
    private static final long serialVersionUID = 1L;

    WeightedValues gradients;
    WeightedValues buffers;
    double lossSum;
    long rows;
    long computeNanos;

    /** Adds another sum into this one and returns the result (the other itself when this is empty). */
    GradientSum add(GradientSum other) {
        if (other.rows == 0) {
            return this;
        }
        if (rows == 0) {
            return other;
        }
        gradients = gradients.add(other.gradients);
        buffers = buffers.add(other.buffers);
        lossSum += other.lossSum;
        rows += other.rows;
        computeNanos = Math.max(computeNanos, other.computeNanos);
        return this;
    }
}
