package org.grad4j.spark;

import java.io.Serializable;

/**
 * The sum, over the rows of a step's global batch that some partitions hold, of each row's gradient
 * and loss, plus the partitions' buffers weighted by their rows. Sums are kept in double: the
 * partitions' float sums add exactly then, so the result does not depend on the order in which
 * Spark combines them.
 */
final class GradientSum implements Serializable {
    private static final long serialVersionUID = 1L;

    double[] gradients;
    double[] buffers;
    double lossSum;
    long rows;
    long computeNanos;

    /** Adds another sum into this one; returns this. */
    GradientSum add(GradientSum other) {
        if (other.rows == 0) {
            return this;
        }
        if (rows == 0) {
            gradients = other.gradients.clone();
            buffers = other.buffers.clone();
        } else {
            addInto(gradients, other.gradients);
            addInto(buffers, other.buffers);
        }
        lossSum += other.lossSum;
        rows += other.rows;
        computeNanos = Math.max(computeNanos, other.computeNanos);
        return this;
    }

    static void addInto(double[] sum, double[] values) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += values[i];
        }
    }
}
