package org.grad4j.backend;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many threads grad4j's kernels use: one setting for the whole process, as
 * {@code torch.get_num_threads} / {@code torch.set_num_threads}. {@code -Dgrad4j.threads=N} gives
 * the start value (default: the number of available processors); {@link #set} changes it at run
 * time and wins over the property. Every backend follows it from its next kernel call on:
 * the Java backend's fork-join pool and the native library's one thread pool (which also runs
 * OpenBLAS's threaded GEMM). {@link Backend#threads()} tells what a backend actually runs.
 */
public final class Threads {
    /** The system property that gives the start value. */
    public static final String PROPERTY = "grad4j.threads";

    private static final AtomicInteger CURRENT = new AtomicInteger();

    private Threads() {}

    /**
     * The thread count kernels use: the last {@link #set} value, else {@code -Dgrad4j.threads}, else
     * the number of available processors.
     *
     * @return a count of at least 1
     * @throws IllegalArgumentException if {@code -Dgrad4j.threads} is not a positive integer
     */
    public static int get() {
        int n = CURRENT.get();
        if (n > 0) {
            return n;
        }
        CURRENT.compareAndSet(0, parse(System.getProperty(PROPERTY)));
        return CURRENT.get();
    }

    /**
     * Sets the thread count for every backend, from each one's next kernel call on.
     *
     * @param threads at least 1
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public static void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("Threads.set: threads must be >= 1, got " + threads);
        }
        CURRENT.set(threads);
    }

    static int parse(String value) {
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(PROPERTY + " must be a positive integer, got '" + value + "'");
    }
}
