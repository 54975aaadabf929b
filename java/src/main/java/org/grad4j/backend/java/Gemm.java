package org.grad4j.backend.java;

/**
 * Row-major SGEMM: B is packed in blocks of KC rows × NC columns so one block stays in cache
 * while row blocks of C, split over the threads, stream through it.
 */
final class Gemm {
    private static final int KC = 256;
    private static final int NC = 2048;
    private static final Parallel SERIAL = new Parallel(1);
    private final Parallel parallel;

    Gemm(Parallel parallel) {
        this.parallel = parallel;
    }

    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
              float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
        gemm(parallel, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    /** The same on the calling thread only, for callers that already split work over the threads. */
    void gemmSerial(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
                    float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
        gemm(SERIAL, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    private static void gemm(Parallel parallel, boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float beta,
                             float[] c, int cOffset, int ldc) {
        scale(m, n, beta, c, cOffset, ldc);
        if (k == 0 || alpha == 0f || m == 0 || n == 0) {
            return;
        }
        int grain = Math.max(1, (1 << 16) / Math.max(1, n * Math.min(k, KC)));
        for (int kb = 0; kb < k; kb += KC) {
            int kc = Math.min(KC, k - kb);
            for (int jb = 0; jb < n; jb += NC) {
                int nc = Math.min(NC, n - jb);
                float[] packed = packB(transB, b, bOffset, ldb, kb, kc, jb, nc);
                int k0 = kb;
                int j0 = jb;
                parallel.forRange(m, grain, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        int ci = cOffset + i * ldc + j0;
                        for (int p = 0; p < kc; p++) {
                            float aip = alpha * (transA ? a[aOffset + (k0 + p) * lda + i] : a[aOffset + i * lda + k0 + p]);
                            int bp = p * nc;
                            for (int j = 0; j < nc; j++) {
                                c[ci + j] += aip * packed[bp + j];
                            }
                        }
                    }
                });
            }
        }
    }

    private static void scale(int m, int n, float beta, float[] c, int cOffset, int ldc) {
        if (beta == 1f) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = cOffset + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = beta == 0f ? 0f : beta * c[row + j];
            }
        }
    }

    /** op(B)[kb .. kb+kc, jb .. jb+nc) as a contiguous kc × nc block. */
    private static float[] packB(boolean transB, float[] b, int bOffset, int ldb, int kb, int kc, int jb, int nc) {
        float[] packed = new float[kc * nc];
        for (int p = 0; p < kc; p++) {
            if (transB) {
                for (int j = 0; j < nc; j++) {
                    packed[p * nc + j] = b[bOffset + (jb + j) * ldb + kb + p];
                }
            } else {
                System.arraycopy(b, bOffset + (kb + p) * ldb + jb, packed, p * nc, nc);
            }
        }
        return packed;
    }
}
