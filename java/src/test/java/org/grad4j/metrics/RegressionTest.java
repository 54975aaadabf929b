package org.grad4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class RegressionTest {
    private static final double EPS = 1e-7;
    private static final Tensor Y = Tensor.of(new float[] {3, -0.5f, 2, 7}, 4);
    private static final Tensor P = Tensor.of(new float[] {2.5f, 0, 2, 8}, 4);

    @Test
    void meanSquaredAndAbsoluteError() {
        // residuals 0.5, -0.5, 0, -1
        assertEquals((0.25 + 0.25 + 0 + 1) / 4, Regression.meanSquaredError(P, Y), EPS);
        assertEquals((0.5 + 0.5 + 0 + 1) / 4, Regression.meanAbsoluteError(P, Y), EPS);
    }

    @Test
    void r2ForOneOutput() {
        // mean 2.875; SS_tot = 0.125^2 + 3.375^2 + 0.875^2 + 4.125^2 = 29.1875; SS_res = 1.5
        assertEquals(1 - 1.5 / 29.1875, Regression.r2Score(P, Y), EPS);
        assertEquals(1, Regression.r2Score(Y, Y), EPS);
    }

    @Test
    void r2AveragesOutputsUniformly() {
        Tensor y = Tensor.of(new float[] {0.5f, 1, -1, 1, 7, -6}, 3, 2);
        Tensor p = Tensor.of(new float[] {0, 2, -1, 2, 8, -5}, 3, 2);
        // column 0: SS_res 1.25, SS_tot 217/6; column 1: SS_res 3, SS_tot 98/3
        double expected = ((1 - 1.25 / (217.0 / 6)) + (1 - 3 / (98.0 / 3))) / 2;
        assertEquals(expected, Regression.r2Score(p, y), EPS);
    }

    @Test
    void r2OfAConstantTargetFollowsScikitLearn() {
        Tensor ones = Tensor.ones(3);
        assertEquals(1, Regression.r2Score(ones, ones));
        assertEquals(0, Regression.r2Score(Tensor.of(new float[] {1, 2, 1}, 3), ones));
    }

    @Test
    void shapesMustMatch() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Regression.meanSquaredError(Tensor.zeros(3), Tensor.zeros(3, 1)));
        assertEquals("meanSquaredError: preds [3] and target [3, 1] must have the same shape", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Regression.r2Score(Tensor.zeros(1), Tensor.zeros(1)));
        assertEquals("r2Score: expects [N] or [N, D] with N >= 2, got [1]", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> Regression.meanAbsoluteError(Tensor.zeros(0), Tensor.zeros(0)));
        assertEquals("meanAbsoluteError: no samples (shape [0])", e.getMessage());
    }
}
