package org.grad4j.internal.backend.java;

/**
 * Row-major SGEMM, blocked as in Goto and BLIS: for each KC × NC block of op(B), packed once and
 * shared by the threads, each thread packs MC × KC blocks of its rows of op(A) and runs the
 * micro-kernel over every MR × NR tile of C. Every element of C sums its k blocks in the same
 * order on any number of threads, so results do not depend on the thread count.
 */
final class Gemm {
    /** KC: one kc × NR panel of packed B (32 KB for NR = 32) stays in the 48 KB L1 while the kernel walks A. */
    private static final int KC = 256;
    /** MC: an MC × KC block of packed A (192 KB) stays in L2 while every B panel passes over it. */
    private static final int MC = 192;
    /** NC: the KC × NC block of packed B (up to 4 MB), read by all threads, lives in the shared L3. */
    private static final int NC = 4096;
    /** Multiply-adds below which a range is not worth handing to another thread. */
    private static final int GRAIN = 1 << 17;

    private static final Parallel SERIAL = new Parallel(1);
    // Packing buffers, grown as needed and kept per thread: every call and every worker would
    // otherwise allocate (and zero) them anew. Packing writes every element it later reads.
    private static final ThreadLocal<float[]> PACKED_B = ThreadLocal.withInitial(() -> new float[0]);
    private static final ThreadLocal<float[]> PACKED_A = ThreadLocal.withInitial(() -> new float[0]);
    private final Parallel parallel;
    private final GemmKernel kernel;

    Gemm(Parallel parallel) {
        this(parallel, GemmKernels.best());
    }

    Gemm(Parallel parallel, GemmKernel kernel) {
        this.parallel = parallel;
        this.kernel = kernel;
    }

    /** This GEMM on the calling thread only, for callers that already split their work over the threads. */
    Gemm serial() {
        return new Gemm(SERIAL, kernel);
    }

    /** C = alpha · op(A) · op(B) + beta · C, as {@link org.grad4j.backend.Backend#gemm} documents it. */
    void gemm(
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            float alpha,
            float[] a,
            int aOffset,
            int lda,
            float[] b,
            int bOffset,
            int ldb,
            float beta,
            float[] c,
            int cOffset,
            int ldc) {
        run(new GemmCall(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc));
    }

    private void run(GemmCall g) {
        if (g.m() == 0 || g.n() == 0) {
            return;
        }
        if (g.k() == 0 || g.alpha() == 0f) {
            scale(g);
            return;
        }
        int mr = kernel.rows();
        int nr = kernel.cols();
        int rowPanels = (g.m() + mr - 1) / mr;
        float[] packedB = buffer(PACKED_B, Math.min(KC, g.k()) * roundUp(Math.min(NC, g.n()), nr));
        for (int j0 = 0; j0 < g.n(); j0 += NC) {
            int colPanels = (Math.min(NC, g.n() - j0) + nr - 1) / nr;
            for (int k0 = 0; k0 < g.k(); k0 += KC) {
                int kc = Math.min(KC, g.k() - k0);
                int jb = j0;
                int kb = k0;
                parallel.forRange(
                        colPanels,
                        GRAIN / (kc * nr),
                        (from, to) -> GemmPacking.packB(
                                g.transB(), g.b(), g.bOffset(), g.ldb(), g.n(), jb, from, to, nr, kb, kc, packedB));
                int grain = (int) Math.max(1, GRAIN / ((long) mr * colPanels * nr * kc));
                parallel.forRange(
                        rowPanels, grain, (from, to) -> multiplyRows(g, from, to, jb, colPanels, kb, kc, packedB));
            }
        }
    }

    /** C rows of row panels [from, to) × the columns of the packed B block, for k in [k0, k0 + kc). */
    private void multiplyRows(GemmCall g, int from, int to, int j0, int colPanels, int k0, int kc, float[] packedB) {
        int mr = kernel.rows();
        int nr = kernel.cols();
        int blockPanels = Math.max(1, MC / mr);
        float beta = k0 == 0 ? g.beta() : 1f;
        float[] packedA = buffer(PACKED_A, Math.min(blockPanels, to - from) * mr * kc);
        float[][] tile = kernel.scratch();
        for (int p0 = from; p0 < to; p0 += blockPanels) {
            int panels = Math.min(blockPanels, to - p0);
            GemmPacking.packA(g.transA(), g.a(), g.aOffset(), g.lda(), g.m(), p0 * mr, panels, mr, k0, kc, packedA);
            for (int jp = 0; jp < colPanels; jp++) {
                int j = j0 + jp * nr;
                int cols = Math.min(nr, g.n() - j);
                for (int ip = 0; ip < panels; ip++) {
                    int i = (p0 + ip) * mr;
                    kernel.tile(
                            kc,
                            packedA,
                            ip * kc * mr,
                            packedB,
                            jp * kc * nr,
                            g.alpha(),
                            beta,
                            g.c(),
                            g.cOffset() + i * g.ldc() + j,
                            g.ldc(),
                            Math.min(mr, g.m() - i),
                            cols,
                            tile);
                }
            }
        }
    }

    /** C = beta · C, for the products that add nothing; with beta = 0, C is not read. */
    private static void scale(GemmCall g) {
        if (g.beta() == 1f) {
            return;
        }
        for (int i = 0; i < g.m(); i++) {
            int row = g.cOffset() + i * g.ldc();
            for (int j = 0; j < g.n(); j++) {
                g.c()[row + j] = g.beta() == 0f ? 0f : g.beta() * g.c()[row + j];
            }
        }
    }

    private static float[] buffer(ThreadLocal<float[]> cache, int length) {
        float[] buffer = cache.get();
        if (buffer.length < length) {
            buffer = new float[length];
            cache.set(buffer);
        }
        return buffer;
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** The arguments of one gemm call, as {@link org.grad4j.backend.Backend#gemm} documents them. */
    private record GemmCall(
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            float alpha,
            float[] a,
            int aOffset,
            int lda,
            float[] b,
            int bOffset,
            int ldb,
            float beta,
            float[] c,
            int cOffset,
            int ldc) {}
}
