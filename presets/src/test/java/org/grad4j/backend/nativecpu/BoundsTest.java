package org.grad4j.backend.nativecpu;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.grad4j.backend.Backend;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.Conv2dGeometry;
import org.grad4j.backend.ElementwiseProgram;
import org.grad4j.backend.Pool2dGeometry;
import org.grad4j.backend.ReduceOp;
import org.grad4j.backend.UnaryOp;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Calls that would read or write outside their arrays are exceptions, never native crashes. */
class BoundsTest {
    private final NativeBackend nat = new NativeBackend();

    private static void rejected(String fragment, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void gemmWithTooSmallArrays() {
        float[] a = new float[6];
        rejected(
                "native gemm: A",
                () -> nat.gemm(false, false, 3, 3, 3, 1f, a, 0, 3, new float[9], 0, 3, 0f, new float[9], 0, 3));
        rejected(
                "leading dimension 2",
                () -> nat.gemm(false, false, 2, 3, 3, 1f, a, 0, 2, new float[9], 0, 3, 0f, new float[9], 0, 3));
        rejected("native gemm: C", () -> nat.gemm(true, true, 3, 2, 2, 1f, a, 0, 3, a, 0, 2, 0f, a, 1, 2));
        rejected("negative size", () -> nat.gemm(false, false, -1, 2, 2, 1f, a, 0, 2, a, 0, 2, 0f, a, 0, 2));
    }

    @Test
    void elementwiseOutsideTheArrays() {
        rejected("native unary: x", () -> nat.unary(UnaryOp.EXP, 0, 0, new float[3], 1, new float[3], 0, 3));
        rejected(
                "native binary: b",
                () -> nat.binary(
                        BinaryOp.ADD,
                        new int[] {2, 3},
                        new float[6],
                        0,
                        new int[] {3, 1},
                        new float[3],
                        0,
                        new int[] {3, 1},
                        new float[6],
                        0));
        rejected(
                "negative stride",
                () -> nat.copy(new int[] {2}, new float[2], 1, new int[] {-1}, new float[2], 0, new int[] {1}));
        rejected(
                "rank must be at most 16",
                () -> nat.copy(new int[17], new float[1], 0, new int[17], new float[1], 0, new int[17]));
        ElementwiseProgram.Builder b = ElementwiseProgram.builder(2);
        b.binary(BinaryOp.ADD, 0, 1);
        ElementwiseProgram add = b.build();
        int[] shape = {2, 3};
        rejected(
                "native elementwise: input 1",
                () -> nat.elementwise(
                        add,
                        shape,
                        new float[][] {new float[6], new float[5]},
                        new int[2],
                        new int[][] {{3, 1}, {3, 1}},
                        new float[6],
                        0));
        rejected(
                "reads 2 inputs",
                () -> nat.elementwise(
                        add, shape, new float[][] {new float[6]}, new int[1], new int[][] {{3, 1}}, new float[6], 0));
        rejected(
                "native elementwise: out",
                () -> nat.elementwise(
                        add,
                        shape,
                        new float[][] {new float[6], new float[3]},
                        new int[2],
                        new int[][] {{3, 1}, {0, 1}},
                        new float[6],
                        1));
        rejected("native reduce: x", () -> nat.reduce(ReduceOp.SUM, new float[5], 0, 2, 3, 1, new float[2], 0));
        rejected("of an empty axis", () -> nat.reduce(ReduceOp.MAX, new float[0], 0, 1, 0, 1, new float[1], 0));
    }

    @Test
    void indicesOutOfRange() {
        rejected(
                "index 5 out of range",
                () -> nat.gather(new float[4], 0, 1, 4, 1, new int[] {5}, 1, false, new float[1]));
        rejected(
                "index -1 out of range",
                () -> nat.crossEntropy(new float[6], 0, 2, 3, new int[] {0, -1}, new float[2], new float[2]));
    }

    @Test
    void lookupRowsOutOfRange() {
        byte[] src = new byte[12];
        float[] table = new float[256];
        rejected("index 3 out of range [0, 3)", () -> nat.lookupRows(src, 4, new int[] {0, 3}, table, new float[8], 0));
        rejected("native lookupRows: out", () -> nat.lookupRows(src, 4, new int[] {0, 2}, table, new float[8], 1));
        rejected(
                "native lookupRows: table",
                () -> nat.lookupRows(src, 4, new int[] {0}, new float[255], new float[4], 0));
        rejected("length must be >= 0", () -> nat.lookupRows(src, -4, new int[] {0}, table, new float[4], 0));
    }

    @Test
    void convolutionAndPoolingGeometry() {
        Conv2dGeometry g = new Conv2dGeometry(1, 2, 5, 5, 3, 3, 3, 1, 1, 0, 0, 1, 1, 1);
        rejected(
                "native conv2d: image",
                () -> nat.conv2dForward(g, new float[49], 0, new float[54], 0, new float[27], 0));
        Conv2dGeometry bad = new Conv2dGeometry(1, 3, 5, 5, 3, 3, 3, 1, 1, 0, 0, 1, 1, 2);
        rejected(
                "invalid geometry", () -> nat.conv2dForward(bad, new float[75], 0, new float[54], 0, new float[27], 0));
        Pool2dGeometry p = new Pool2dGeometry(1, 1, 4, 4, 2, 2, 2, 2, 0, 0, 1, 1);
        rejected(
                "outside a plane",
                () -> nat.maxPool2dBackward(p, new float[4], new int[] {0, 1, 2, 16}, new float[16]));
        rejected(
                "position -2 outside a plane",
                () -> nat.maxPool2dBackward(p, new float[4], new int[] {0, -2, 2, 5}, new float[16]));
        rejected("native pool2d: input", () -> nat.avgPool2dForward(p, new float[15], 0, new float[4]));
    }

    @Test
    void aClosedTensorIsAnExceptionBeforeAnyNativeCall() {
        Tensor a = Tensor.rand(new Generator(1), 8, 8);
        Tensor b = Tensor.rand(new Generator(2), 8, 8);
        Tensor out = Tensor.zeros(8, 8);
        b.close();
        try (Scope ignored = Backend.use(nat)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.matmul(b));
            assertTrue(e.getMessage().contains("used after close()"), e.getMessage());
            out.close();
            assertThrows(IllegalStateException.class, () -> a.matmul(a, out));
            assertThrows(IllegalStateException.class, b::exp);
        }
    }
}
