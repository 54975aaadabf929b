package org.grad4j.internal.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.ElementwiseProgram;
import org.grad4j.backend.UnaryOp;
import org.grad4j.graph.Attributes;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The ops the fusion passes make, rebuilt as a graph rebuilds them: known values on the current
 * backend (the core tests run them on the Java backend, the native module's on the native one),
 * outputs without gradient (a graph is fused after it is differentiated), and inputs that do not
 * fit refused with a message naming the op and the shapes.
 */
class FusedOpsTest {
    private static Tensor run(String op, Attributes a, Tensor... in) {
        return OpRegistry.create(op, a).apply(in);
    }

    /** relu(x + b) · 2 with b broadcast over x's rows. */
    private static Attributes biasReluTimesTwo() {
        ElementwiseProgram.Builder p = ElementwiseProgram.builder(2);
        p.binary(BinaryOp.MUL, p.unary(UnaryOp.LEAKY_RELU, 0f, 0f, p.binary(BinaryOp.ADD, 0, 1)), 2f);
        return Attributes.of().with("program", p.build().toString());
    }

    @Test
    void elementwiseKnownValues() {
        Tensor x = Tensor.of(new float[] {1, -2, 3, -4, 5, -6}, 2, 3);
        Tensor b = Tensor.of(new float[] {0.5f, 1, -1});
        Tensor y = run("elementwise", biasReluTimesTwo(), x, b);
        assertArrayEquals(new int[] {2, 3}, y.shape());
        assertArrayEquals(new float[] {3, -0f, 4, -0f, 12, -0f}, y.toArray());
        Tensor xt = Tensor.of(new float[] {1, -4, -2, 5, 3, -6}, 3, 2).t();
        assertArrayEquals(
                new float[] {3, -0f, 4, -0f, 12, -0f},
                run("elementwise", biasReluTimesTwo(), xt, b).toArray());
    }

    @Test
    void matmulBiasKnownValues() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor w = Tensor.of(new float[] {1, -1, 0, 2, 0, -3}, 2, 3);
        Tensor bias = Tensor.of(new float[] {0.5f, 0, 1});
        Attributes relu = Attributes.of().with("activation", "LEAKY_RELU").with("alpha", 0f);
        // x·w = [[5, -1, -6], [11, -3, -12]]; relu is leakyRelu with slope 0, so negatives give -0, as eagerly
        assertArrayEquals(
                new float[] {5.5f, -0f, -0f, 11.5f, -0f, -0f},
                run("matmulBias", relu, x, w, bias).toArray());
        Attributes none = Attributes.of().with("activation", "none").with("alpha", 0f);
        assertArrayEquals(
                new float[] {5.5f, -1, -5, 11.5f, -3, -11},
                run("matmulBias", none, x, w, bias).toArray());
        Attributes tanh = Attributes.of().with("activation", "TANH").with("alpha", 0f);
        float[] t = run("matmulBias", tanh, x, w.t().contiguous().t(), bias).toArray();
        assertTrue(Math.abs(t[0] - (float) Math.tanh(5.5)) < 1e-6f && Math.abs(t[1] + (float) Math.tanh(1)) < 1e-6f);
    }

    @Test
    void fusedOutputsCarryNoGradient() {
        Tensor x = Tensor.of(new float[] {1, -2, 3, -4, 5, -6}, 2, 3).requiresGrad(true);
        Tensor b = Tensor.of(new float[] {0.5f, 1, -1}).requiresGrad(true);
        assertFalse(run("elementwise", biasReluTimesTwo(), x, b).requiresGrad());
        Attributes none = Attributes.of().with("activation", "none").with("alpha", 0f);
        Tensor w = Tensor.zeros(3, 2).requiresGrad(true);
        assertFalse(run("matmulBias", none, x, w, Tensor.zeros(2)).requiresGrad());
    }

    @Test
    void inputsThatDoNotFitAreRefused() {
        IllegalArgumentException count = assertThrows(
                IllegalArgumentException.class, () -> run("elementwise", biasReluTimesTwo(), Tensor.zeros(2, 3)));
        assertTrue(count.getMessage().startsWith("elementwise: the program reads 2 inputs, got 1"), count.getMessage());
        IllegalArgumentException shapes = assertThrows(
                IllegalArgumentException.class,
                () -> run("elementwise", biasReluTimesTwo(), Tensor.zeros(2, 3), Tensor.zeros(2)));
        assertTrue(
                shapes.getMessage().startsWith("elementwise")
                        && shapes.getMessage().contains("[2, 3]")
                        && shapes.getMessage().contains("[2]"),
                shapes.getMessage());
        Attributes none = Attributes.of().with("activation", "none").with("alpha", 0f);
        IllegalArgumentException gemm = assertThrows(
                IllegalArgumentException.class,
                () -> run("matmulBias", none, Tensor.zeros(2, 3), Tensor.zeros(2, 4), Tensor.zeros(4)));
        assertTrue(
                gemm.getMessage()
                        .equals("matmulBias: expects x [m, k], w [k, n] and bias [n], got [2, 3], [2, 4] and [4]"),
                gemm.getMessage());
        IllegalArgumentException program = assertThrows(
                IllegalArgumentException.class,
                () -> run("elementwise", Attributes.of().with("program", "r1 = NEG(r0)"), Tensor.zeros(2)));
        assertTrue(program.getMessage().contains("cannot read 'r1 = NEG(r0)'"), program.getMessage());
    }
}
