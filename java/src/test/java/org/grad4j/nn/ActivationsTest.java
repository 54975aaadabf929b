package org.grad4j.nn;

import static org.grad4j.nn.Layers.assertKeys;
import static org.grad4j.nn.Layers.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.grad4j.autograd.GradCheck;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ActivationsTest {
    private static float[] apply(Module m, float... x) {
        return m.forward(Tensor.of(x, x.length)).toArray();
    }

    @Test
    void valuesMatchTheirFormulas() {
        assertArrayEquals(new float[] {-0.2f, 2}, apply(new LeakyReLU(0.2), -1, 2), 1e-7f);
        assertArrayEquals(new float[] {-0.03f, 2}, apply(new LeakyReLU(), -3, 2), 1e-7f);
        assertArrayEquals(new float[] {0.5f, (float) (1 / (1 + Math.exp(-2)))}, apply(new Sigmoid(), 0, 2), 1e-6f);
        assertArrayEquals(
                new float[] {(float) Math.tanh(1), (float) Math.tanh(-0.5)}, apply(new Tanh(), 1, -0.5f), 1e-6f);
        assertArrayEquals(new float[] {(float) Math.log(2), 30}, apply(new Softplus(), 0, 30), 1e-6f);
        // beta 2, threshold 5: (1/2)·log(1 + exp(2x)), and x itself once 2x > 5
        assertArrayEquals(
                new float[] {(float) (0.5 * Math.log1p(Math.exp(2))), 3, (float) (0.5 * Math.log1p(Math.exp(-2)))},
                apply(new Softplus(2, 5), 1, 3, -1),
                1e-6f);
        assertArrayEquals(new float[] {0.8413447f, -0.1586553f}, apply(new GELU(), 1, -1), 1e-6f);
        double inner = Math.sqrt(2 / Math.PI) * (1 + 0.044715);
        assertArrayEquals(new float[] {(float) (0.5 * (1 + Math.tanh(inner)))}, apply(new GELU("tanh"), 1), 1e-6f);
        assertArrayEquals(new float[] {(float) (Math.exp(-1) - 1), 2}, apply(new ELU(), -1, 2), 1e-6f);
        assertArrayEquals(new float[] {(float) (0.5 * (Math.exp(-1) - 1))}, apply(new ELU(0.5), -1), 1e-6f);
        double e = Math.exp(1);
        Tensor row = Tensor.of(new float[] {0, 1}, 1, 2);
        assertArrayEquals(
                new float[] {(float) (1 / (1 + e)), (float) (e / (1 + e))},
                new Softmax(1).forward(row).toArray(),
                1e-6f);
        assertArrayEquals(
                new float[] {(float) -Math.log(1 + e), (float) (1 - Math.log(1 + e))},
                new LogSoftmax(-1).forward(row).toArray(),
                1e-6f);
        Tensor columns = Tensor.randn(new Generator(1), 3, 2);
        assertArrayEquals(
                new float[] {1, 1}, new Softmax(0).forward(columns).sum(0).toArray(), 1e-6f);
    }

    @Test
    void gradientsCheck() {
        Module[] modules = {
            new LeakyReLU(0.1),
            new Sigmoid(),
            new Tanh(),
            new Softplus(),
            new GELU(),
            new GELU("tanh"),
            new ELU(0.7),
            new Softmax(1),
            new LogSoftmax(0),
            new ReLU()
        };
        long seed = 10;
        for (Module m : modules) {
            Tensor x = Layers.awayFromZero(seed++, 0.05f, 3, 4);
            GradCheck.check(in -> m.forward(in[0]), x);
        }
        // beta 2, threshold 1: both branches, away from the switch at x = 0.5
        Tensor x = Tensor.of(new float[] {-1.5f, -0.3f, 0.2f, 0.45f, 0.55f, 0.9f, 1.7f}, 7)
                .requiresGrad(true);
        GradCheck.check(in -> new Softplus(2, 1).forward(in[0]), x);
    }

    @Test
    void reprsFollowPyTorch() {
        assertEquals("LeakyReLU(negative_slope=0.01)", new LeakyReLU().toString());
        assertEquals("Sigmoid()", new Sigmoid().toString());
        assertEquals("Tanh()", new Tanh().toString());
        assertEquals("Softplus(beta=1.0, threshold=20.0)", new Softplus().toString());
        assertEquals("GELU(approximate='none')", new GELU().toString());
        assertEquals("GELU(approximate='tanh')", new GELU("tanh").toString());
        assertEquals("ELU(alpha=1.0)", new ELU().toString());
        assertEquals("Softmax(dim=1)", new Softmax(1).toString());
        assertEquals("LogSoftmax(dim=-1)", new LogSoftmax(-1).toString());
        assertKeys(List.of(), new GELU());
    }

    @Test
    void validation() {
        assertMessage("LeakyReLU: negativeSlope must be finite, got NaN", () -> new LeakyReLU(Double.NaN));
        assertMessage("ELU: alpha must be finite, got Infinity", () -> new ELU(Double.POSITIVE_INFINITY));
        assertMessage("Softplus: beta must be finite and > 0, got 0.0", () -> new Softplus(0, 20));
        assertMessage("Softplus: threshold must not be NaN", () -> new Softplus(1, Double.NaN));
        assertMessage("GELU: approximate must be 'none' or 'tanh', got 'fast'", () -> new GELU("fast"));
        assertMessage(
                "softmax: dim 2 out of range for a tensor of rank 2 (expected [-2, 1])",
                () -> new Softmax(2).forward(Tensor.zeros(2, 2)));
    }
}
