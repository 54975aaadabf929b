package org.grad4j.backend.nativecpu;

import static org.grad4j.jni.global.g4kernels.G4_PROGRAM_MAX_INPUTS;
import static org.grad4j.jni.global.g4kernels.G4_PROGRAM_MAX_INSTRUCTIONS;
import static org.grad4j.jni.global.g4kernels.G4_PROGRAM_MAX_REGISTERS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.grad4j.backend.Backend;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.ElementwiseProgram;
import org.grad4j.backend.UnaryOp;
import org.junit.jupiter.api.Test;

/** The fused kernels, native against Java, on {@value KernelParityTest#CASES} random cases each. */
class FusedParityTest {
    private final Backend java = Parity.javaBackend();
    private final Backend nat = new NativeBackend();

    @Test
    void biasActivation() {
        Cases c = new Cases(11);
        UnaryOp[] acts = {null, UnaryOp.LEAKY_RELU, UnaryOp.TANH, UnaryOp.SIGMOID, UnaryOp.GELU};
        for (int i = 0; i < KernelParityTest.CASES; i++) {
            int rows = c.size(20);
            int cols = c.size(40);
            UnaryOp act = acts[i % acts.length];
            float[] x = c.values(1 + rows * cols);
            float[] bias = c.values(2 + cols);
            float[] yJ = new float[rows * cols];
            float[] yN = new float[rows * cols];
            java.biasActivation(act, 0.1f, x, 1, bias, 2, rows, cols, yJ, 0);
            nat.biasActivation(act, 0.1f, x, 1, bias, 2, rows, cols, yN, 0);
            Parity.same("biasActivation " + act + " [" + rows + ", " + cols + "]", yJ, yN);
        }
    }

    @Test
    void softmaxAndItsBackward() {
        Cases c = new Cases(12);
        for (int i = 0; i < KernelParityTest.CASES; i++) {
            int outer = c.size(7);
            int size = c.size(30);
            int inner = c.size(5);
            boolean log = c.random.nextBoolean();
            int n = outer * size * inner;
            float[] x = c.values(1 + n);
            if (i % 10 == 0) {
                x[1] = 900f;
            }
            float[] g = c.values(n);
            float[] yJ = new float[n];
            float[] yN = new float[n];
            java.softmax(log, x, 1, outer, size, inner, yJ, 0);
            nat.softmax(log, x, 1, outer, size, inner, yN, 0);
            String what = (log ? "logSoftmax" : "softmax") + " [" + outer + ", " + size + ", " + inner + "]";
            Parity.same(what, yJ, yN);
            float[] gJ = new float[n];
            float[] gN = new float[n];
            java.softmaxBackward(log, yJ, 0, g, 0, outer, size, inner, gJ, 0);
            nat.softmaxBackward(log, yJ, 0, g, 0, outer, size, inner, gN, 0);
            Parity.same(what + " backward", gJ, gN, 1e-4, 1e-5);
        }
    }

    @Test
    void crossEntropyAndItsBackward() {
        Cases c = new Cases(13);
        for (int i = 0; i < KernelParityTest.CASES; i++) {
            int rows = c.size(30);
            int classes = c.size(20);
            float[] x = c.values(3 + rows * classes);
            int[] targets = new int[rows];
            for (int r = 0; r < rows; r++) {
                targets[r] = c.random.nextInt(classes);
            }
            float[] lossJ = new float[rows];
            float[] lossN = new float[rows];
            float[] lseJ = new float[rows];
            float[] lseN = new float[rows];
            java.crossEntropy(x, 3, rows, classes, targets, lossJ, lseJ);
            nat.crossEntropy(x, 3, rows, classes, targets, lossN, lseN);
            Parity.same("crossEntropy [" + rows + ", " + classes + "]", lossJ, lossN);
            Parity.same("crossEntropy logSumExp [" + rows + ", " + classes + "]", lseJ, lseN);
            float[] gl = c.values(rows);
            float[] gJ = new float[rows * classes];
            float[] gN = new float[rows * classes];
            // each backward on its own backend's logSumExp, as the op runs them
            java.crossEntropyBackward(x, 3, rows, classes, targets, lseJ, gl, gJ);
            nat.crossEntropyBackward(x, 3, rows, classes, targets, lseN, gl, gN);
            Parity.same("crossEntropy backward [" + rows + ", " + classes + "]", gJ, gN);
        }
    }

    @Test
    void optimizerSteps() {
        Cases c = new Cases(14);
        for (int i = 0; i < KernelParityTest.CASES; i++) {
            int n = c.size(200);
            float[] p = c.values(1 + n);
            float[] g = c.values(2 + n);
            float[] buf = c.values(n);
            float momentum = i % 3 == 0 ? 0f : 0.9f;
            boolean nesterov = i % 3 == 2;
            float[] pJ = p.clone();
            float[] pN = p.clone();
            float[] bJ = buf.clone();
            float[] bN = buf.clone();
            java.sgdStep(pJ, 1, g, 2, bJ, n, 0.05f, momentum, 0.1f * (i % 2), 0.01f, nesterov, i % 5 == 0);
            nat.sgdStep(pN, 1, g, 2, bN, n, 0.05f, momentum, 0.1f * (i % 2), 0.01f, nesterov, i % 5 == 0);
            Parity.same("sgd param", pJ, pN);
            Parity.same("sgd momentum buffer", bJ, bN);
            float[] m = c.values(n);
            float[] v = c.values(n);
            for (int j = 0; j < n; j++) {
                v[j] = Math.abs(v[j]);
            }
            float[] mJ = m.clone();
            float[] mN = m.clone();
            float[] vJ = v.clone();
            float[] vN = v.clone();
            pJ = p.clone();
            pN = p.clone();
            boolean decoupled = i % 2 == 0;
            int step = 1 + c.random.nextInt(100);
            java.adamStep(pJ, 1, g, 2, mJ, vJ, n, 1e-3f, 0.9f, 0.999f, 1e-8f, 0.01f, step, decoupled);
            nat.adamStep(pN, 1, g, 2, mN, vN, n, 1e-3f, 0.9f, 0.999f, 1e-8f, 0.01f, step, decoupled);
            Parity.same("adam param step " + step, pJ, pN);
            Parity.same("adam m", mJ, mN);
            Parity.same("adam v", vJ, vN);
        }
    }

    /** Both backends store an optimizer's moments as 0 rather than as denormal numbers. */
    @Test
    void optimizerMomentsOfAZeroGradientReachZero() {
        for (Backend backend : new Backend[] {java, nat}) {
            int n = 37;
            float[] p = new float[n];
            float[] g = new float[n];
            float[] m = new float[n];
            float[] v = new float[n];
            float[] buf = new float[n];
            Arrays.fill(m, 1e-37f);
            Arrays.fill(v, 1.2e-38f);
            Arrays.fill(buf, 1e-37f);
            for (int step = 1; step <= 40; step++) {
                backend.adamStep(p, 0, g, 0, m, v, n, 1e-3f, 0.9f, 0.999f, 1e-8f, 0f, step, false);
                backend.sgdStep(p, 0, g, 0, buf, n, 0.1f, 0.9f, 0f, 0f, false, false);
                for (float[] moment : new float[][] {m, v, buf}) {
                    for (float x : moment) {
                        if (x != 0f && Math.abs(x) < Float.MIN_NORMAL) {
                            throw new AssertionError(backend.name() + " stored the denormal " + x + " at step " + step);
                        }
                    }
                }
            }
            float[] zeros = new float[n];
            assertArrayEquals(zeros, m, backend.name() + " adam m");
            assertArrayEquals(zeros, v, backend.name() + " adam v");
            assertArrayEquals(zeros, buf, backend.name() + " sgd momentum buffer");
        }
    }

    /** Random programs of up to 12 instructions over up to four inputs, each broadcast, strided or contiguous. */
    @Test
    void elementwisePrograms() {
        assertEquals(G4_PROGRAM_MAX_INPUTS, ElementwiseProgram.MAX_INPUTS);
        assertEquals(G4_PROGRAM_MAX_INSTRUCTIONS, ElementwiseProgram.MAX_INSTRUCTIONS);
        assertEquals(G4_PROGRAM_MAX_REGISTERS, ElementwiseProgram.MAX_REGISTERS);
        UnaryOp[] unary = {UnaryOp.NEG, UnaryOp.TANH, UnaryOp.SIGMOID, UnaryOp.LEAKY_RELU, UnaryOp.ABS, UnaryOp.EXP};
        BinaryOp[] binary = {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.GT, BinaryOp.RELU_BACKWARD};
        programs(new Cases(15), unary, binary, 1e-5, 1e-6);
    }

    /**
     * Programs with floor, ceil and trunc among ops that round exactly as IEEE arithmetic does, so
     * that both backends give the same values: a rounding op's jump would turn any difference
     * upstream (a transcendental function's last bit) into a difference of 1.
     */
    @Test
    void elementwiseProgramsWithRounding() {
        UnaryOp[] unary = {UnaryOp.FLOOR, UnaryOp.CEIL, UnaryOp.TRUNC, UnaryOp.NEG, UnaryOp.ABS, UnaryOp.LEAKY_RELU};
        BinaryOp[] binary = {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.GT};
        programs(new Cases(16), unary, binary, 0, 0);
    }

    private void programs(Cases c, UnaryOp[] unary, BinaryOp[] binary, double rtol, double atol) {
        for (int i = 0; i < KernelParityTest.CASES; i++) {
            int inputs = 1 + c.random.nextInt(ElementwiseProgram.MAX_INPUTS);
            ElementwiseProgram.Builder b = ElementwiseProgram.builder(inputs);
            int values = inputs;
            int instructions = 1 + c.random.nextInt(12);
            for (int k = 0; k < instructions; k++) {
                int x = c.random.nextInt(values);
                int y = c.random.nextInt(values);
                switch (c.random.nextInt(5)) {
                    case 0, 1 -> b.unary(unary[c.random.nextInt(unary.length)], 0.1f, 0f, x);
                    case 2 -> b.binary(binary[c.random.nextInt(binary.length)], x, y);
                    case 3 -> b.binary(binary[c.random.nextInt(binary.length)], x, 0.5f);
                    default -> b.where(c.random.nextInt(values), x, c.random.nextBoolean() ? y : (Number) (-1.5f));
                }
                values++;
            }
            ElementwiseProgram p = b.build();
            int[] shape = c.shape(1 + c.random.nextInt(3), 20);
            shape[shape.length - 1] = c.size(700);
            float[][] in = new float[inputs][];
            int[] offsets = new int[inputs];
            int[][] strides = new int[inputs][];
            for (int k = 0; k < inputs; k++) {
                int[] own = shape.clone();
                for (int d = 0; d < own.length; d++) {
                    own[d] = c.random.nextInt(4) == 0 ? 1 : own[d];
                }
                int[] s = c.strides(own);
                for (int d = 0; d < own.length; d++) {
                    s[d] = own[d] == 1 ? 0 : s[d];
                }
                offsets[k] = c.random.nextInt(3);
                in[k] = c.values(offsets[k] + numel(own));
                strides[k] = s;
            }
            int n = numel(shape);
            float[] outJ = new float[n + 1];
            float[] outN = new float[n + 1];
            java.elementwise(p, shape, in, offsets, strides, outJ, 1);
            nat.elementwise(p, shape, in, offsets, strides, outN, 1);
            Parity.same(p + " over " + Arrays.toString(shape), outJ, outN, rtol, atol);
        }
    }

    private static int numel(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }
}
