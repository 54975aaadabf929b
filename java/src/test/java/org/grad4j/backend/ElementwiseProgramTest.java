package org.grad4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.grad4j.internal.backend.java.JavaBackend;
import org.junit.jupiter.api.Test;

/** Building element-wise programs (registers, checks) and running them on the Java backend against known values. */
class ElementwiseProgramTest {
    private final Backend backend = new JavaBackend(2);

    /** g · σ(x) · (1 − σ(x)): inputs x = r0 and g = r1. */
    private static ElementwiseProgram sigmoidBackward() {
        ElementwiseProgram.Builder b = ElementwiseProgram.builder(2);
        int s = b.unary(UnaryOp.SIGMOID, 0f, 0f, 0);
        int oneMinus = b.binary(BinaryOp.SUB, 1f, s);
        int product = b.binary(BinaryOp.MUL, s, oneMinus);
        b.binary(BinaryOp.MUL, product, 1);
        return b.build();
    }

    @Test
    void registersAreReusedOnceTheirValueIsDead() {
        ElementwiseProgram p = sigmoidBackward();
        assertEquals(
                "ElementwiseProgram(2 inputs, 4 registers: r2 = SIGMOID(r0); r0 = SUB(1.0, r2); r3 = MUL(r2, r0);"
                        + " r0 = MUL(r3, r1))",
                p.toString());
        assertEquals(4, p.instructions());
        assertEquals(0, p.result());
    }

    @Test
    void runsAChainInOnePass() {
        float[] x = {-2f, 0f, 1.5f, 3f};
        float[] g = {1f, 2f, 3f, 4f};
        float[] out = new float[5];
        backend.elementwise(
                sigmoidBackward(), new int[] {4}, new float[][] {x, g}, new int[2], new int[][] {{1}, {1}}, out, 1);
        float[] expected = new float[5];
        for (int i = 0; i < 4; i++) {
            double s = 1 / (1 + Math.exp(-x[i]));
            expected[i + 1] = (float) (g[i] * s * (1 - s));
        }
        assertArrayEquals(expected, out, 1e-6f);
    }

    @Test
    void broadcastsStridedInputsAndConstants() {
        // where(x > 0, tᵀ, 2.5) + bias, x [2, 700], t stored [700, 2], bias [700] broadcast over rows
        ElementwiseProgram.Builder b = ElementwiseProgram.builder(3);
        int positive = b.binary(BinaryOp.GT, 0, 0f);
        int chosen = b.where(positive, 1, 2.5f);
        b.binary(BinaryOp.ADD, chosen, 2);
        ElementwiseProgram p = b.build();
        int rows = 2;
        int cols = 700;
        float[] x = new float[rows * cols];
        float[] t = new float[rows * cols];
        float[] bias = new float[cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 3 == 0 ? -1f : 1f;
            t[i] = i;
        }
        for (int c = 0; c < cols; c++) {
            bias[c] = 0.5f * c;
        }
        float[] out = new float[rows * cols];
        backend.elementwise(
                p,
                new int[] {rows, cols},
                new float[][] {x, t, bias},
                new int[3],
                new int[][] {{cols, 1}, {1, rows}, {0, 1}},
                out,
                0);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float chosenValue = x[r * cols + c] > 0 ? t[c * rows + r] : 2.5f;
                assertEquals(chosenValue + bias[c], out[r * cols + c], "at [" + r + ", " + c + "]");
            }
        }
    }

    @Test
    void aResultOfBroadcastValuesIsComputedOnceAndFilled() {
        ElementwiseProgram.Builder b = ElementwiseProgram.builder(1);
        b.binary(BinaryOp.ADD, b.unary(UnaryOp.EXP, 0f, 0f, 0), 1f);
        float[] out = new float[6];
        backend.elementwise(
                b.build(), new int[] {2, 3}, new float[][] {{0.5f}}, new int[1], new int[][] {{0, 0}}, out, 0);
        float[] expected = new float[6];
        java.util.Arrays.fill(expected, (float) Math.exp(0.5f) + 1f);
        assertArrayEquals(expected, out);
    }

    @Test
    void writesInPlaceOfAnInput() {
        ElementwiseProgram.Builder b = ElementwiseProgram.builder(1);
        b.unary(UnaryOp.LEAKY_RELU, 0.1f, 0f, b.binary(BinaryOp.MUL, 0, 3f));
        float[] x = {-1f, 2f, -3f};
        backend.elementwise(b.build(), new int[] {3}, new float[][] {x}, new int[1], new int[][] {{1}}, x, 0);
        assertArrayEquals(new float[] {-0.3f, 6f, -0.9f}, x, 1e-6f);
    }

    @Test
    void badProgramsAreRefusedWhenBuilt() {
        String inputs = assertThrows(IllegalArgumentException.class, () -> ElementwiseProgram.builder(5))
                .getMessage();
        assertTrue(inputs.contains("1 to 4 inputs, got 5"), inputs);
        ElementwiseProgram.Builder b = ElementwiseProgram.builder(1);
        String undefined = assertThrows(IllegalArgumentException.class, () -> b.binary(BinaryOp.ADD, 0, 3))
                .getMessage();
        assertTrue(undefined.contains("reads value 3, which is not defined before it"), undefined);
        String empty = assertThrows(IllegalArgumentException.class, b::build).getMessage();
        assertTrue(empty.contains("has no instruction"), empty);
        ElementwiseProgram.Builder wide = ElementwiseProgram.builder(1);
        int[] live = new int[16];
        for (int i = 0; i < live.length; i++) {
            live[i] = wide.unary(UnaryOp.NEG, 0f, 0f, 0);
        }
        int sum = live[0];
        for (int i = 1; i < live.length; i++) {
            sum = wide.binary(BinaryOp.ADD, sum, live[i]);
        }
        String registers =
                assertThrows(IllegalArgumentException.class, wide::build).getMessage();
        assertTrue(registers.contains("needs more than 16 registers"), registers);
    }

    @Test
    void readsBackTheTextItPrints() {
        ElementwiseProgram.Builder b = ElementwiseProgram.builder(3);
        int clamped = b.unary(UnaryOp.CLAMP, -1.5f, 2f, 0);
        int squared = b.unary(UnaryOp.POW, 2f, 0f, clamped);
        int power = b.binary(BinaryOp.POW, squared, 1);
        int chosen = b.where(b.binary(BinaryOp.GT, 0, 1e-5f), power, -0.25f);
        b.binary(BinaryOp.RELU_BACKWARD, chosen, 2);
        ElementwiseProgram p = b.build();
        String text = p.toString();
        assertEquals(
                "ElementwiseProgram(3 inputs, 5 registers: r3 = CLAMP(r0, -1.5, 2.0); r4 = POW(r3, 2.0, 0.0);"
                        + " r3 = POW(r4, r1); r1 = GT(r0, 1.0E-5); r0 = WHERE(r1, r3, -0.25);"
                        + " r1 = RELU_BACKWARD(r0, r2))",
                text);
        ElementwiseProgram read = ElementwiseProgram.parse(text);
        assertEquals(text, read.toString());
        float[] x = {-3f, 0.5f, 1.5f, 4f};
        float[] y = {2f, 3f, 0.5f, 1f};
        float[] g = {1f, -1f, 2f, -2f};
        float[] expected = new float[4];
        float[] actual = new float[4];
        backend.elementwise(
                p, new int[] {4}, new float[][] {x, y, g}, new int[3], new int[][] {{1}, {1}, {1}}, expected, 0);
        backend.elementwise(
                read, new int[] {4}, new float[][] {x, y, g}, new int[3], new int[][] {{1}, {1}, {1}}, actual, 0);
        assertArrayEquals(expected, actual);
        // x clamped to [-1.5, 2], squared, to the power y where x > 1e-5 (else -0.25): g where that is > 0
        assertArrayEquals(new float[] {0f, -1f, 2f, -2f}, actual);
    }

    @Test
    void badTextIsRefusedWithWhatIsWrong() {
        String[] bad = {
            "Program(1 inputs, 2 registers: r1 = NEG(r0))",
            "ElementwiseProgram(1 inputs, 2 registers: r1 = NEG(r5))",
            "ElementwiseProgram(1 inputs, 2 registers: r1 = FROB(r0))",
            "ElementwiseProgram(1 inputs, 2 registers: r1 = ADD(1.0, 2.0))",
            "ElementwiseProgram(1 inputs, 17 registers: r1 = NEG(r0))",
        };
        String[] reasons = {
            "not ElementwiseProgram(...)",
            "reads r5, which is not written before it",
            "FROB",
            "lacks an operand",
            "out of range",
        };
        for (int i = 0; i < bad.length; i++) {
            String text = bad[i];
            String message = assertThrows(IllegalArgumentException.class, () -> ElementwiseProgram.parse(text))
                    .getMessage();
            assertTrue(message.contains("cannot read '" + text + "'") && message.contains(reasons[i]), message);
        }
    }
}
