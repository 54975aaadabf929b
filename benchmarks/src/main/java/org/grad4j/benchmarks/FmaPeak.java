package org.grad4j.benchmarks;

import org.grad4j.jni.global.g4kernels;

/**
 * The machine's FP32 peak as the native kernels can reach it: {@code g4_fma_peak}, independent
 * chains of fused multiply-adds at the widest vectors of the instruction set the kernels selected,
 * on every thread of the native pool at once. The best of several runs of a few tens of
 * milliseconds, so that a neighbour's burst on the machine lowers none of them all.
 */
final class FmaPeak {
    private static final long ITERATIONS = 20_000_000;
    private static final int RUNS = 10;

    private FmaPeak() {}

    static double gflops() {
        Backends.named("native");
        double best = 0;
        for (int i = 0; i < RUNS; i++) {
            best = Math.max(best, g4kernels.g4_fma_peak(ITERATIONS));
        }
        return best / 1e9;
    }
}
