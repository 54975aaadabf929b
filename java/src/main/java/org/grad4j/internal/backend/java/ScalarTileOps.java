package org.grad4j.internal.backend.java;

import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.UnaryOp;

/** The tile loops as the Java backend's element-wise loops (which C2 vectorizes where it can). */
final class ScalarTileOps implements TileOps {
    @Override
    public void unary(UnaryOp op, float alpha, float beta, float[] x, int xo, float[] y, int yo, int n) {
        Elementwise.unaryRange(op, alpha, beta, x, xo, y, yo, 0, n);
    }

    @Override
    public void binary(BinaryOp op, int n, float[] a, int ao, int sa, float[] b, int bo, int sb, float[] out, int oo) {
        Elementwise.binaryRow(op, n, a, ao, sa, b, bo, sb, out, oo);
    }

    @Override
    public void where(
            int n,
            float[] c,
            int co,
            int sc,
            float[] a,
            int ao,
            int sa,
            float[] b,
            int bo,
            int sb,
            float[] out,
            int oo) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = c[co + i * sc] != 0f ? a[ao + i * sa] : b[bo + i * sb];
        }
    }

    @Override
    public String description() {
        return "scalar loops";
    }
}
