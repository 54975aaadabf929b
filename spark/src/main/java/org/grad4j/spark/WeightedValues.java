package org.grad4j.spark;

import java.io.Serializable;

/**
 * Values that partitions add up: one partition's floats with the weight they count with (what a
 * task sends, 4 bytes a value), or the sum of several, weight × value added in double. Each product
 * of a float and a row count, and the sums of them, are exact in double for the partition counts and
 * magnitudes of training, so a sum does not depend on the order in which Spark combines the parts.
 */
final class WeightedValues implements Serializable {
    private static final long serialVersionUID = 1L;

    private float[] part;
    private double weight;
    private double[] sum;

    private WeightedValues() {}

    /** One partition's values, counting {@code weight} times. */
    static WeightedValues of(float[] values, double weight) {
        WeightedValues v = new WeightedValues();
        v.part = values;
        v.weight = weight;
        return v;
    }

    /** Adds {@code other} into these values (which become a sum) and returns them. */
    WeightedValues add(WeightedValues other) {
        if (part != null) {
            sum = new double[part.length];
            addPart(part, weight);
            part = null;
        }
        if (other.part != null) {
            addPart(other.part, other.weight);
        } else {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += other.sum[i];
            }
        }
        return this;
    }

    private void addPart(float[] values, double w) {
        for (int i = 0; i < values.length; i++) {
            sum[i] += w * values[i];
        }
    }

    /** The weighted sum's value i. */
    double get(int i) {
        return part != null ? weight * part[i] : sum[i];
    }

    int length() {
        return part != null ? part.length : sum.length;
    }
}
