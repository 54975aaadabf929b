package org.grad4j.internal.backend.java;

import java.util.Arrays;

/**
 * The plain-Java micro-kernel, shaped for C2's superword pass (JDK 17), which vectorizes a loop
 * only when its arrays are indexed from 0: the 4 × 256 tile of C is accumulated in four scratch
 * rows, and each k row of B is first copied into a fifth one. The inner loop then feeds four
 * multiply-adds from one load of B, over the n columns actually used.
 */
final class ScalarGemmKernel implements GemmKernel {
    private static final int MR = 4;
    private static final int NR = 256;

    @Override
    public int rows() {
        return MR;
    }

    @Override
    public int cols() {
        return NR;
    }

    @Override
    public String description() {
        return "scalar kernel, " + MR + " x " + NR + " tiles";
    }

    @Override
    public float[][] scratch() {
        return new float[MR + 1][NR];
    }

    @Override
    public void tile(
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
            float[][] t) {
        float[] t0 = t[0];
        float[] t1 = t[1];
        float[] t2 = t[2];
        float[] t3 = t[3];
        float[] bRow = t[MR];
        for (int i = 0; i < MR; i++) {
            Arrays.fill(t[i], 0, n, 0f);
        }
        for (int p = 0; p < kc; p++) {
            int ap = aOffset + p * MR;
            float a0 = a[ap];
            float a1 = a[ap + 1];
            float a2 = a[ap + 2];
            float a3 = a[ap + 3];
            System.arraycopy(b, bOffset + p * NR, bRow, 0, n);
            for (int j = 0; j < n; j++) {
                float bj = bRow[j];
                t0[j] += a0 * bj;
                t1[j] += a1 * bj;
                t2[j] += a2 * bj;
                t3[j] += a3 * bj;
            }
        }
        GemmKernel.update(t, alpha, beta, c, cOffset, ldc, m, n);
    }
}
