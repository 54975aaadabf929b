package org.grad4j.internal.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.grad4j.autograd.GradMode;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MatmulOutTest {
    @Test
    void aFreshResultDoesNotReadTheBufferItReuses() {
        for (int[] mkn : new int[][] {{3, 4, 5}, {70, 40, 50}, {3, 0, 5}}) {
            Tensor a = Tensor.randn(new Generator(1), mkn[0], mkn[1]);
            Tensor b = Tensor.randn(new Generator(2), mkn[1], mkn[2]);
            float[] expected = a.matmul(b).toArray();
            // The next result of this size takes this buffer, NaN and all.
            Tensor.full(Float.NaN, mkn[0], mkn[2]).close();
            assertArrayEquals(expected, a.matmul(b).toArray(), 0f, java.util.Arrays.toString(mkn));
        }
    }

    @Test
    void writesTheSameValuesAsMatmulIntoTheGivenTensor() {
        Tensor a = Tensor.randn(new Generator(1), 2, 3, 4);
        Tensor b = Tensor.randn(new Generator(2), 5, 4).transpose(0, 1);
        Tensor out = Tensor.full(7f, 2, 3, 5);
        int version = TensorInternals.storage(out).version();
        assertSame(out, a.matmul(b, out));
        assertArrayEquals(a.matmul(b).toArray(), out.toArray(), 0f);
        assertTrue(TensorInternals.storage(out).version() > version, "an out= write bumps the version");
    }

    @Test
    void writesAtTheOutputsOffset() {
        Tensor big = Tensor.zeros(3, 2, 2);
        Tensor out = big.select(0, 1);
        Tensor.eye(2).matmul(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2), out);
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0}, big.toArray(), 0f);
    }

    @Test
    void rejectsAWrongShapeANonContiguousOutAndAliasing() {
        Tensor a = Tensor.ones(2, 3);
        Tensor b = Tensor.ones(3, 4);
        assertEquals(
                "matmul: out= needs a contiguous tensor of shape [2, 4] for [2, 3] @ [3, 4], got [4, 2]",
                assertThrows(IllegalArgumentException.class, () -> a.matmul(b, Tensor.zeros(4, 2)))
                        .getMessage());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> a.matmul(b, Tensor.zeros(4, 2).t()))
                .getMessage()
                .endsWith("(not contiguous)"));
        Tensor square = Tensor.ones(3, 3);
        assertEquals(
                "matmul: out= shares storage with an operand",
                assertThrows(IllegalArgumentException.class, () -> square.matmul(square, square))
                        .getMessage());
    }

    @Test
    void refusesALeafOutThatRequiresGradUnlessGradIsOff() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor out = Tensor.zeros(2, 2).requiresGrad(true);
        assertEquals(
                "matmul: out= of shape [2, 2] is a leaf that requires grad (a leaf Variable that requires grad is"
                        + " being used in an in-place operation); write it under GradMode.noGrad(), or into a tensor"
                        + " that does not require grad",
                assertThrows(IllegalArgumentException.class, () -> a.matmul(a, out))
                        .getMessage());
        assertArrayEquals(new float[] {0, 0, 0, 0}, out.toArray(), 0f);
        try (Scope ignored = GradMode.noGrad()) {
            a.matmul(a, out);
        }
        assertArrayEquals(new float[] {7, 10, 15, 22}, out.toArray(), 0f);
    }

    @Test
    void refusesAnOutMadeByARecordedOp() {
        Tensor a = Tensor.ones(2, 2);
        Tensor out = Tensor.zeros(2, 2).requiresGrad(true).mul(2f);
        assertEquals(
                "matmul: out= does not support autograd, but out of shape [2, 2] requires grad (made by"
                        + " MulBackward); use matmul(other) instead",
                assertThrows(IllegalArgumentException.class, () -> a.matmul(a, out))
                        .getMessage());
    }

    @Test
    void refusesOperandsThatRequireGradUnlessGradIsOff() {
        Tensor a = Tensor.ones(2, 2).requiresGrad(true);
        Tensor out = Tensor.zeros(2, 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.matmul(a.detach(), out))
                .getMessage()
                .startsWith("matmul: out= does not support autograd, but an operand of [2, 2] @ [2, 2] requires"
                        + " grad"));
        try (Scope ignored = GradMode.noGrad()) {
            a.matmul(a.detach(), out);
        }
        assertArrayEquals(new float[] {2, 2, 2, 2}, out.toArray(), 0f);
    }
}
