package org.grad4j.internal.ops;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * Runs a property over seeded random cases. The base seed is fixed (so that every run checks the
 * same cases) unless {@code -Dgrad4j.propertySeed=...} gives another; a failing case names the
 * base seed and its index, and {@code -Dgrad4j.propertyCase=...} runs that one case alone.
 */
final class PropertyCases {
    private static final long DEFAULT_SEED = 0x9E3779B97F4A7C15L;

    private static final Map<String, Integer> outcomes = new TreeMap<>();

    private PropertyCases() {}

    /** Counts one outcome of the running property (for the line check prints at its end). */
    static synchronized void outcome(String name) {
        outcomes.merge(name, 1, Integer::sum);
    }

    /** Calls {@code property} with the seed of each case; returns the number of cases run. */
    static synchronized int check(String name, int cases, LongConsumer property) {
        outcomes.clear();
        long base = Long.getLong("grad4j.propertySeed", DEFAULT_SEED);
        Integer only = Integer.getInteger("grad4j.propertyCase");
        int from = only == null ? 0 : only;
        int to = only == null ? cases : only + 1;
        for (int i = from; i < to; i++) {
            try {
                property.accept(base * 31 + i);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        name + ": case " + i + " of seed " + base
                                + " failed (rerun it alone with -Dgrad4j.propertySeed=" + base
                                + " -Dgrad4j.propertyCase=" + i + "): " + e.getMessage(),
                        e);
            }
        }
        System.out.println(
                name + ": " + (to - from) + " cases, seed " + base + (outcomes.isEmpty() ? "" : ", " + outcomes));
        return to - from;
    }
}
