package org.grad4j.internal.backend.java;

/**
 * Copies blocks of op(A) and op(B) into the panel layouts the micro-kernels read sequentially:
 * A as kc × MR panels (MR row values per k), B as kc × NR panels (NR column values per k), each
 * zero-padded to a whole panel so the kernels never see a short tile.
 */
final class GemmPacking {
    private GemmPacking() {}

    /**
     * Packs rows [i0, i0 + panels·mr) ∩ [0, m) and k [k0, k0 + kc) of op(A) (m × k) into {@code panels}
     * panels starting at packed[0].
     */
    static void packA(
            boolean transA,
            float[] a,
            int aOffset,
            int lda,
            int m,
            int i0,
            int panels,
            int mr,
            int k0,
            int kc,
            float[] packed) {
        for (int panel = 0; panel < panels; panel++) {
            int first = i0 + panel * mr;
            int rows = Math.min(mr, m - first);
            int base = panel * kc * mr;
            if (transA) {
                for (int p = 0; p < kc; p++) {
                    int src = aOffset + (k0 + p) * lda + first;
                    int dst = base + p * mr;
                    for (int r = 0; r < rows; r++) {
                        packed[dst + r] = a[src + r];
                    }
                    for (int r = rows; r < mr; r++) {
                        packed[dst + r] = 0f;
                    }
                }
                continue;
            }
            for (int r = 0; r < mr; r++) {
                int src = aOffset + (first + r) * lda + k0;
                for (int p = 0; p < kc; p++) {
                    packed[base + p * mr + r] = r < rows ? a[src + p] : 0f;
                }
            }
        }
    }

    /**
     * Packs panels [from, to) of columns [j0 + panel·nr, …) ∩ [0, n) and k [k0, k0 + kc) of op(B)
     * (k × n); panel p lands at packed[p·kc·nr].
     */
    static void packB(
            boolean transB,
            float[] b,
            int bOffset,
            int ldb,
            int n,
            int j0,
            int from,
            int to,
            int nr,
            int k0,
            int kc,
            float[] packed) {
        for (int panel = from; panel < to; panel++) {
            int first = j0 + panel * nr;
            int cols = Math.min(nr, n - first);
            int base = panel * kc * nr;
            if (transB) {
                for (int j = 0; j < cols; j++) {
                    int src = bOffset + (first + j) * ldb + k0;
                    for (int p = 0; p < kc; p++) {
                        packed[base + p * nr + j] = b[src + p];
                    }
                }
            }
            for (int p = 0; p < kc; p++) {
                int dst = base + p * nr;
                if (!transB) {
                    System.arraycopy(b, bOffset + (k0 + p) * ldb + first, packed, dst, cols);
                }
                for (int j = cols; j < nr; j++) {
                    packed[dst + j] = 0f;
                }
            }
        }
    }
}
