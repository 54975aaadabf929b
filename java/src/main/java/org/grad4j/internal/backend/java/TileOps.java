package org.grad4j.internal.backend.java;

import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.UnaryOp;

/**
 * The loops that run one instruction of an element-wise program over one tile: operands are read
 * with stride 1, or 0 for one broadcast value; results are written with stride 1.
 */
interface TileOps {
    /** y[i] = op(x[i]) for i < n. */
    void unary(UnaryOp op, float alpha, float beta, float[] x, int xo, float[] y, int yo, int n);

    /** out[i] = op(a[i·sa], b[i·sb]) for i < n. */
    void binary(BinaryOp op, int n, float[] a, int ao, int sa, float[] b, int bo, int sb, float[] out, int oo);

    /** out[i] = c[i·sc] != 0 ? a[i·sa] : b[i·sb] for i < n. */
    void where(
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
            int oo);

    /** The loops' kind, for the log. */
    String description();

    /** The Vector API loops when the JVM has jdk.incubator.vector, else the scalar ones. */
    static TileOps best() {
        return GemmKernels.vectorApiPresent() ? new VectorTileOps() : new ScalarTileOps();
    }
}
