package org.grad4j.internal.backend.java;

/**
 * A GEMM micro-kernel: one rows() × cols() tile of C from a packed A panel and a packed B panel
 * (layouts in {@link GemmPacking}).
 */
interface GemmKernel {
    /** MR: the rows of C one tile covers. */
    int rows();

    /** NR: the columns of C one tile covers. */
    int cols();

    /** What the start-up log calls this kernel. */
    String description();

    /** Scratch for one thread's tile() calls: at least rows() rows of cols() floats. */
    float[][] scratch();

    /**
     * C[0 .. m, 0 .. n) = alpha · A·B + beta · C for m ≤ rows(), n ≤ cols(), where A is the kc × rows()
     * panel at a[aOffset] and B the kc × cols() panel at b[bOffset]; with beta = 0, C is not read.
     * t is this thread's {@link #scratch()}, overwritten.
     */
    void tile(
            int kc,
            float[] a,
            int aOffset,
            float[] b,
            int bOffset,
            float alpha,
            float beta,
            float[] c,
            int cOffset,
            int ldc,
            int m,
            int n,
            float[][] t);

    /** C[0 .. m, 0 .. n) = alpha · T + beta · C for the tile rows T = t[0 .. m); C not read when beta = 0. */
    static void update(float[][] t, float alpha, float beta, float[] c, int cOffset, int ldc, int m, int n) {
        for (int i = 0; i < m; i++) {
            int row = cOffset + i * ldc;
            float[] ti = t[i];
            for (int j = 0; j < n; j++) {
                c[row + j] = beta == 0f ? alpha * ti[j] : alpha * ti[j] + beta * c[row + j];
            }
        }
    }
}
