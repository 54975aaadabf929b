package org.grad4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The seed's network y = σ(W2·σ(W1·x)) with MSE: autograd must equal the hand-derived gradients. */
class TwoLayerSigmoidTest {
    private static final int IN = 4;
    private static final int HIDDEN = 5;
    private static final int OUT = 3;

    @Test
    void autogradMatchesHandDerivedGradients() {
        Tensor w1 = Tensor.randn(new Generator(11), HIDDEN, IN).requiresGrad(true);
        Tensor w2 = Tensor.randn(new Generator(12), OUT, HIDDEN).requiresGrad(true);
        Tensor x = Tensor.randn(new Generator(13), IN);
        Tensor target = Tensor.rand(new Generator(14), OUT);

        Tensor y = w2.matmul(w1.matmul(x).sigmoid()).sigmoid();
        Tensor loss = y.sub(target).square().mean();
        loss.backward();

        double[][] a = matrix(w1, HIDDEN, IN);
        double[][] b = matrix(w2, OUT, HIDDEN);
        float[] xv = x.toArray();
        float[] tv = target.toArray();
        double[] h = new double[HIDDEN];
        for (int i = 0; i < HIDDEN; i++) {
            double z = 0;
            for (int j = 0; j < IN; j++) {
                z += a[i][j] * xv[j];
            }
            h[i] = 1 / (1 + Math.exp(-z));
        }
        double[] out = new double[OUT];
        double[] dz2 = new double[OUT];
        double expectedLoss = 0;
        for (int o = 0; o < OUT; o++) {
            double z = 0;
            for (int i = 0; i < HIDDEN; i++) {
                z += b[o][i] * h[i];
            }
            out[o] = 1 / (1 + Math.exp(-z));
            expectedLoss += (out[o] - tv[o]) * (out[o] - tv[o]) / OUT;
            dz2[o] = 2 * (out[o] - tv[o]) / OUT * out[o] * (1 - out[o]);
        }
        assertEquals(expectedLoss, loss.item(), 1e-6);
        for (int o = 0; o < OUT; o++) {
            for (int i = 0; i < HIDDEN; i++) {
                assertEquals(dz2[o] * h[i], w2.grad().get(o, i), 1e-6, "dL/dW2[" + o + "][" + i + "]");
            }
        }
        for (int i = 0; i < HIDDEN; i++) {
            double dh = 0;
            for (int o = 0; o < OUT; o++) {
                dh += b[o][i] * dz2[o];
            }
            double dz1 = dh * h[i] * (1 - h[i]);
            for (int j = 0; j < IN; j++) {
                assertEquals(dz1 * xv[j], w1.grad().get(i, j), 1e-6, "dL/dW1[" + i + "][" + j + "]");
            }
        }
    }

    private static double[][] matrix(Tensor t, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = t.get(i, j);
            }
        }
        return m;
    }
}
