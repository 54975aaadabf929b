package org.grad4j.spark;

import java.io.Serializable;

/**
 * The sum, over the rows of a step's global batch that some partitions hold, of each row's gradient
 * and loss, plus the partitions' buffers weighted by their rows.
 *
 * <p>A task returns its partition's part as it came out of backward: floats and their weight (its
 * row count for a mean loss). Combining adds weight × value in double: every such product and sum
 * of them is exact for the partition counts and magnitudes of training, so the result does not
 * depend on the order in which Spark combines parts, and a task result travels at 4 bytes per
 * parameter.
 */
final class GradientSum implements Serializable {
    private static final long serialVersionUID = 1L;

    private float[] part;
    private double partWeight;
    double[] gradients;
    double[] buffers;
    double lossSum;
    long rows;
    long computeNanos;

    /** An empty sum: the start of a combination. */
    GradientSum() {}

    /** A partition's part: its gradient {@code part}, which counts {@code weight} times. */
    static GradientSum ofPartition(
            float[] part, double weight, double[] buffers, double lossSum, long rows, long computeNanos) {
        GradientSum sum = new GradientSum();
        sum.part = part;
        sum.partWeight = weight;
        sum.buffers = buffers;
        sum.lossSum = lossSum;
        sum.rows = rows;
        sum.computeNanos = computeNanos;
        return sum;
    }

    /**
     * Adds another sum into this one and returns the result: the other itself when this is empty and
     * the other a partition's part, so that a task sends its part as floats.
     */
    GradientSum add(GradientSum other) {
        if (other.rows == 0) {
            return this;
        }
        if (rows == 0 && gradients == null && other.part != null) {
            return other;
        }
        combined();
        if (gradients == null) {
            gradients = new double[other.length()];
            buffers = new double[other.buffers.length];
        }
        if (other.part != null) {
            for (int i = 0; i < gradients.length; i++) {
                gradients[i] += other.partWeight * other.part[i];
            }
        } else {
            addInto(gradients, other.gradients);
        }
        addInto(buffers, other.buffers);
        lossSum += other.lossSum;
        rows += other.rows;
        computeNanos = Math.max(computeNanos, other.computeNanos);
        return this;
    }

    /** The summed gradient value i. */
    double gradient(int i) {
        return part != null ? partWeight * part[i] : gradients[i];
    }

    private int length() {
        return part != null ? part.length : gradients.length;
    }

    /** Turns a partition's part into the combined form, in place. */
    private void combined() {
        if (part != null) {
            gradients = new double[part.length];
            for (int i = 0; i < part.length; i++) {
                gradients[i] = partWeight * part[i];
            }
            part = null;
        }
    }

    static void addInto(double[] sum, double[] values) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += values[i];
        }
    }
}
