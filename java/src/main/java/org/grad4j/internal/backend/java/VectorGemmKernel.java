package org.grad4j.internal.backend.java;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API micro-kernel: an 8 × 2-vector tile of C (8 × 32 with 512-bit vectors) in 16
 * accumulators. Per k it loads two vectors of B, broadcasts 8 values of A and issues 16 FMAs:
 * that many independent chains cover the FMA latency of two ports, and 16 + 2 + 1 vectors fit the
 * 32 AVX-512 registers. The accumulators stay local to this one method because C2 (JDK 17) boxes
 * vectors passed to a call it does not inline, and then boxes them on every k.
 * Only loaded when the JVM has jdk.incubator.vector.
 */
final class VectorGemmKernel implements GemmKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 8;
    private static final int NR = 2 * L;

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
        return "Vector API kernel, " + MR + " x " + NR + " tiles of " + S.vectorBitSize() + "-bit vectors";
    }

    @Override
    public float[][] scratch() {
        return new float[MR][NR];
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
        FloatVector zero = FloatVector.zero(S);
        FloatVector c00 = zero;
        FloatVector c01 = zero;
        FloatVector c10 = zero;
        FloatVector c11 = zero;
        FloatVector c20 = zero;
        FloatVector c21 = zero;
        FloatVector c30 = zero;
        FloatVector c31 = zero;
        FloatVector c40 = zero;
        FloatVector c41 = zero;
        FloatVector c50 = zero;
        FloatVector c51 = zero;
        FloatVector c60 = zero;
        FloatVector c61 = zero;
        FloatVector c70 = zero;
        FloatVector c71 = zero;
        for (int p = 0; p < kc; p++) {
            int ap = aOffset + p * MR;
            int bp = bOffset + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x;
            x = FloatVector.broadcast(S, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ap + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ap + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ap + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ap + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ap + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[ap + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[ap + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.intoArray(t[0], 0);
        c01.intoArray(t[0], L);
        c10.intoArray(t[1], 0);
        c11.intoArray(t[1], L);
        c20.intoArray(t[2], 0);
        c21.intoArray(t[2], L);
        c30.intoArray(t[3], 0);
        c31.intoArray(t[3], L);
        c40.intoArray(t[4], 0);
        c41.intoArray(t[4], L);
        c50.intoArray(t[5], 0);
        c51.intoArray(t[5], L);
        c60.intoArray(t[6], 0);
        c61.intoArray(t[6], L);
        c70.intoArray(t[7], 0);
        c71.intoArray(t[7], L);
        if (n < NR) {
            GemmKernel.update(t, alpha, beta, c, cOffset, ldc, m, n);
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = cOffset + i * ldc;
            FloatVector lo = FloatVector.fromArray(S, t[i], 0).mul(alpha);
            FloatVector hi = FloatVector.fromArray(S, t[i], L).mul(alpha);
            if (beta != 0f) {
                lo = lo.add(FloatVector.fromArray(S, c, row).mul(beta));
                hi = hi.add(FloatVector.fromArray(S, c, row + L).mul(beta));
            }
            lo.intoArray(c, row);
            hi.intoArray(c, row + L);
        }
    }
}
