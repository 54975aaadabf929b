package org.grad4j.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One training example: its features and its class index.
 *
 * @param features the input values, as many as the model's input width
 * @param label the class index, in [0, number of the model's outputs)
 * @serial exclude
 */
public record Sample(float[] features, int label) implements Serializable {
    /**
     * Checks that features are given.
     *
     * @param features the input values
     * @param label the class index
     * @throws NullPointerException if {@code features} is null
     */
    public Sample {
        Objects.requireNonNull(features, "Sample: features");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sample s && label == s.label && Arrays.equals(features, s.features);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(features) + label;
    }

    @Override
    public String toString() {
        return "Sample[features=" + features.length + " values, label=" + label + "]";
    }
}
