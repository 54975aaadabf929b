package org.grad4j.benchmarks;

import java.util.Arrays;

/** The median of measured values: the middle one, or the mean of the two middle ones. */
final class Median {
    private Median() {}

    static double of(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
