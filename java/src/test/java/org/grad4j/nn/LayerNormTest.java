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

class LayerNormTest {
    @Test
    void normalizesEachSampleOverTheTrailingDims() {
        LayerNorm ln = new LayerNorm(new int[] {2, 3});
        Layers.set(ln.weight, 1, 2, 3, 4, 5, 6);
        Layers.set(ln.bias, 0, 0, 0, 1, 1, 1);
        Tensor x = Tensor.randn(new Generator(2), 4, 2, 3).mul(3).add(2);
        float[] v = x.toArray();
        float[] w = ln.weight.toArray();
        float[] b = ln.bias.toArray();
        float[] expected = new float[v.length];
        for (int s = 0; s < 4; s++) {
            double mean = 0;
            for (int i = 0; i < 6; i++) {
                mean += v[6 * s + i] / 6.0;
            }
            double var = 0;
            for (int i = 0; i < 6; i++) {
                var += (v[6 * s + i] - mean) * (v[6 * s + i] - mean) / 6.0;
            }
            for (int i = 0; i < 6; i++) {
                expected[6 * s + i] = (float) ((v[6 * s + i] - mean) / Math.sqrt(var + 1e-5) * w[i] + b[i]);
            }
        }
        assertArrayEquals(expected, ln.forward(x).toArray(), 1e-5f);
        ln.eval();
        assertArrayEquals(expected, ln.forward(x).toArray(), 1e-5f);
    }

    @Test
    void gradientsCheck() {
        LayerNorm ln = new LayerNorm(4);
        Layers.set(ln.weight, 0.5f, -1, 2, 1.5f);
        Layers.set(ln.bias, 0.1f, 0.2f, 0.3f, 0.4f);
        GradCheck.check(in -> ln.forward(in[0]), Layers.randn(3, 2, 3, 4), ln.weight, ln.bias);
        LayerNorm plain = new LayerNorm(new int[] {2, 2}, 1e-3, false);
        GradCheck.check(in -> plain.forward(in[0]), Layers.randn(4, 3, 2, 2));
    }

    @Test
    void stateReprAndValidation() {
        assertKeys(List.of("weight", "bias"), new LayerNorm(5));
        assertKeys(List.of(), new LayerNorm(new int[] {5}, 1e-5, false));
        assertArrayEquals(new float[] {1, 1, 1}, new LayerNorm(3).weight.toArray());
        assertEquals("LayerNorm((10,), eps=1e-05, elementwise_affine=True)", new LayerNorm(10).toString());
        assertEquals(
                "LayerNorm((2, 3), eps=0.001, elementwise_affine=False)",
                new LayerNorm(new int[] {2, 3}, 1e-3, false).toString());
        assertMessage(
                "LayerNorm: normalizedShape must be a non-empty list of sizes > 0, got []",
                () -> new LayerNorm(new int[0]));
        assertMessage(
                "LayerNorm: eps must be finite and >= 0, got NaN",
                () -> new LayerNorm(new int[] {2}, Double.NaN, true));
        assertMessage(
                "LayerNorm: expected input [*, 10], got [2, 5]", () -> new LayerNorm(10).forward(Tensor.zeros(2, 5)));
        assertMessage(
                "LayerNorm: expected input [*, 2, 3], got [3]",
                () -> new LayerNorm(new int[] {2, 3}).forward(Tensor.zeros(3)));
    }
}
