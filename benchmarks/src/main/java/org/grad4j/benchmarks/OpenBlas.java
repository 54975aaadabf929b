package org.grad4j.benchmarks;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.util.SplittableRandom;
import org.bytedeco.javacpp.FloatPointer;
import org.grad4j.backend.Threads;

/**
 * The ceiling: {@code cblas_sgemm} called directly on off-heap memory, on OpenBLAS's own threads,
 * as many as the native backend's pool would have. The native library sets OpenBLAS's thread count
 * (process-wide) to one when it sizes its pool: set the count before each call
 * ({@link #useConfiguredThreads}) where both run in one JVM.
 */
final class OpenBlas {
    private OpenBlas() {}

    /** OpenBLAS on {@code grad4j.threads} threads (default: the core count), as the native backend. */
    static void useConfiguredThreads() {
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(Threads.get());
    }

    static FloatPointer random(long n, long seed) {
        FloatPointer p = new FloatPointer(n);
        SplittableRandom r = new SplittableRandom(seed);
        for (long i = 0; i < n; i++) {
            p.put(i, (float) r.nextDouble());
        }
        return p;
    }

    /** Row-major C[m×n] = op(A)·op(B); A is m×k (k×m when transposed), B is k×n (n×k when transposed). */
    static void gemm(
            boolean transA, boolean transB, int m, int n, int k, FloatPointer a, FloatPointer b, FloatPointer c) {
        cblas_sgemm(
                CblasRowMajor,
                transA ? CblasTrans : CblasNoTrans,
                transB ? CblasTrans : CblasNoTrans,
                m,
                n,
                k,
                1f,
                a,
                transA ? m : k,
                b,
                transB ? k : n,
                0f,
                c,
                n);
    }
}
