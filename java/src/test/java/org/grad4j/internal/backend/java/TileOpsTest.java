package org.grad4j.internal.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.UnaryOp;
import org.junit.jupiter.api.Test;

/**
 * The Vector API tile loops give what the scalar ones give, bit for bit, for every unary op,
 * binary op and where, on lengths around the vector length, with NaN, infinities and signed zeros
 * among the values, operands broadcast (stride 0) or not, and offsets.
 */
class TileOpsTest {
    private static final float[] SPECIAL = {Float.NaN, 0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f};
    private final TileOps scalar = new ScalarTileOps();

    private static float[] values(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextInt(5) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (float) (r.nextGaussian() * 2);
        }
        return v;
    }

    private static void same(String what, float[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(
                    Float.floatToRawIntBits(expected[i]),
                    Float.floatToRawIntBits(actual[i]),
                    what + ": element " + i + " expected " + expected[i] + " but was " + actual[i]);
        }
    }

    @Test
    void vectorLoopsMatchTheScalarOnes() {
        assertTrue(GemmKernels.vectorApiPresent(), "the tests run with --add-modules jdk.incubator.vector");
        TileOps vector = new VectorTileOps();
        Random r = new Random(3);
        for (int n : new int[] {1, 7, 8, 15, 16, 17, 33, 64, 100}) {
            float[] a = values(r, n + 2);
            float[] b = values(r, n + 1);
            float[] c = values(r, n);
            for (UnaryOp op : UnaryOp.values()) {
                float[] e = new float[n];
                float[] g = new float[n];
                scalar.unary(op, -0.5f, 0.75f, a, 2, e, 0, n);
                vector.unary(op, -0.5f, 0.75f, a, 2, g, 0, n);
                same(op + " n=" + n, e, g);
            }
            for (BinaryOp op : BinaryOp.values()) {
                for (int strides = 0; strides < 4; strides++) {
                    int sa = strides & 1;
                    int sb = strides >> 1;
                    float[] e = new float[n + 1];
                    float[] g = new float[n + 1];
                    scalar.binary(op, n, a, 1, sa, b, 0, sb, e, 1);
                    vector.binary(op, n, a, 1, sa, b, 0, sb, g, 1);
                    same(op + " n=" + n + " strides " + sa + ", " + sb, e, g);
                }
            }
            for (int strides = 0; strides < 8; strides++) {
                float[] e = new float[n];
                float[] g = new float[n];
                int sc = strides & 1;
                int sa = (strides >> 1) & 1;
                int sb = strides >> 2;
                scalar.where(n, c, 0, sc, a, 1, sa, b, 1, sb, e, 0);
                vector.where(n, c, 0, sc, a, 1, sa, b, 1, sb, g, 0);
                same("where n=" + n + " strides " + sc + ", " + sa + ", " + sb, e, g);
            }
        }
    }
}
