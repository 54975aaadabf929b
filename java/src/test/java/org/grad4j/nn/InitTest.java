package org.grad4j.nn;

import static org.grad4j.nn.Layers.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Initializer statistics over 10^4–10^5 values: the standard error of a mean is then below 1%
 * of the std, so tolerances of 1–3% of the std cannot fail by chance in practice (fixed seeds).
 */
class InitTest {
    /** {mean, std, min, max} of a tensor's values, in double. */
    private static double[] stats(Tensor t) {
        float[] v = t.toArray();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double mean = sum / v.length;
        double sq = 0;
        for (float x : v) {
            sq += (x - mean) * (x - mean);
        }
        return new double[] {mean, Math.sqrt(sq / v.length), min, max};
    }

    @Test
    void constantsFillEveryElementEvenOfAParameter() {
        Parameter p = new Parameter(Tensor.randn(new Generator(0), 3, 4));
        assertSame(p, Init.zeros_(p));
        assertArrayEquals(new float[12], p.toArray());
        Init.ones_(p);
        assertEquals(12f, p.sum().item());
        Init.constant_(p, 0.25);
        assertArrayEquals(Tensor.full(0.25f, 3, 4).toArray(), p.toArray());
        assertTrue(p.requiresGrad() && p.isLeaf());
    }

    @Test
    void uniformAndNormalHaveTheirMoments() {
        double[] u = stats(Init.uniform_(Tensor.zeros(100_000), -3, 5, new Generator(1)));
        assertEquals(1, u[0], 0.03);
        assertEquals(8 / Math.sqrt(12), u[1], 0.02);
        assertTrue(u[2] >= -3 && u[3] < 5, "range " + u[2] + " .. " + u[3]);
        double[] n = stats(Init.normal_(Tensor.zeros(100_000), 2, 0.5, new Generator(2)));
        assertEquals(2, n[0], 0.01);
        assertEquals(0.5, n[1], 0.01);
        double[] standard = stats(Init.normal_(Tensor.zeros(100, 100)));
        assertEquals(0, standard[0], 0.03);
        assertEquals(1, standard[1], 0.03);
    }

    @Test
    void truncNormalStaysInsideAndMatchesTheTruncatedMoments() {
        // {mean, std, a, b, expected mean, expected std}; the expected moments are the closed forms
        // m = μ + σ(φ(α) − φ(β))/Z and σ²(1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²)
        double[][] cases = {
            {0, 1, -2, 2, 0, 0.8796257},
            {0, 1, -1, 3, 0.2827861, 0.7849470},
            {1, 2, 7, 9, 1 + 2 * 3.2604543, 2 * 0.2219860},
            {0, 1, -5, -4, -4.2168308, 0.1956790},
            {0, 1, 10, 10.5, 10.0952687, 0.0896808},
            {0, 1, Double.NEGATIVE_INFINITY, 0, -Math.sqrt(2 / Math.PI), Math.sqrt(1 - 2 / Math.PI)}
        };
        long seed = 3;
        for (double[] c : cases) {
            Tensor t = Init.truncNormal_(Tensor.zeros(50_000), c[0], c[1], c[2], c[3], new Generator(seed++));
            double[] s = stats(t);
            String label = "N(" + c[0] + ", " + c[1] + "²) on [" + c[2] + ", " + c[3] + "]";
            assertTrue(s[2] >= c[2] && s[3] <= c[3], label + ": range " + s[2] + " .. " + s[3]);
            assertEquals(c[4], s[0], 0.02 * c[5] + 1e-4, label + " mean");
            assertEquals(c[5], s[1], 0.02 * c[5], label + " std");
        }
        double[] d = stats(Init.truncNormal_(Tensor.zeros(200, 100)));
        assertTrue(d[2] >= -2 && d[3] <= 2);
        assertEquals(0.8796257, d[1], 0.02);
    }

    @Test
    void xavierScalesWithFanInPlusFanOut() {
        Tensor w = Init.xavierUniform_(Tensor.zeros(200, 500), 2, new Generator(4));
        double bound = 2 * Math.sqrt(6.0 / 700);
        double[] s = stats(w);
        assertTrue(s[2] >= -bound && s[3] <= bound && s[3] > 0.99 * bound, "range " + s[2] + " .. " + s[3]);
        assertEquals(bound / Math.sqrt(3), s[1], 0.01 * bound);
        double[] n = stats(Init.xavierNormal_(Tensor.zeros(300, 40, 3), 1, new Generator(5)));
        assertEquals(Math.sqrt(2.0 / (40 * 3 + 300 * 3)), n[1], 0.01 * n[1]);
        assertEquals(0, n[0], 0.01 * n[1]);
    }

    @Test
    void kaimingUsesTheGainAndTheChosenFan() {
        double[] u = stats(Init.kaimingUniform_(Tensor.zeros(400, 250)));
        double bound = Math.sqrt(2) * Math.sqrt(3.0 / 250);
        assertTrue(u[2] >= -bound && u[3] <= bound && u[3] > 0.99 * bound, "range " + u[2] + " .. " + u[3]);
        double[] n = stats(Init.kaimingNormal_(Tensor.zeros(250, 40, 3, 3), 0, "fan_out", "relu", new Generator(6)));
        assertEquals(Math.sqrt(2.0 / (250 * 9)), n[1], 0.01 * n[1]);
        double[] t = stats(Init.kaimingNormal_(Tensor.zeros(100, 300), 0, "fan_in", "tanh", new Generator(7)));
        assertEquals(5.0 / 3 / Math.sqrt(300), t[1], 0.02 * t[1]);
        // a = sqrt(5), as Linear and Conv2d use it: bound 1/sqrt(fanIn)
        double[] l = stats(Init.kaimingUniform_(Tensor.zeros(100, 400), Math.sqrt(5), new Generator(8)));
        assertTrue(l[3] <= 0.05 && l[3] > 0.0499, "max " + l[3]);
        double[] leaky =
                stats(Init.kaimingUniform_(Tensor.zeros(100, 400), 0.2, "fan_out", "leaky_relu", new Generator(9)));
        assertEquals(Math.sqrt(2 / 1.04) * Math.sqrt(3.0 / 100), leaky[3], 0.01);
        assertEquals(0, Init.kaimingNormal_(Tensor.zeros(0, 5)).numel()); // nothing to fill: a no-op, as in PyTorch
    }

    @Test
    void overloadsWithoutAGeneratorUseTheDefaultOne() {
        assertSameDraws(t -> Init.uniform_(t), t -> Init.uniform_(t, 0, 1, new Generator(11)));
        assertSameDraws(t -> Init.normal_(t, 1, 2), t -> Init.normal_(t, 1, 2, new Generator(11)));
        assertSameDraws(t -> Init.truncNormal_(t), t -> Init.truncNormal_(t, 0, 1, -2, 2, new Generator(11)));
        assertSameDraws(t -> Init.xavierUniform_(t), t -> Init.xavierUniform_(t, 1, new Generator(11)));
        assertSameDraws(t -> Init.xavierNormal_(t, 3), t -> Init.xavierNormal_(t, 3, new Generator(11)));
        assertSameDraws(
                t -> Init.kaimingUniform_(t, 1, "fan_out", "leaky_relu"),
                t -> Init.kaimingUniform_(t, 1, "fan_out", "leaky_relu", new Generator(11)));
        assertSameDraws(
                t -> Init.kaimingNormal_(t), t -> Init.kaimingNormal_(t, 0, "fan_in", "leaky_relu", new Generator(11)));
    }

    private static void assertSameDraws(Consumer<Tensor> withDefault, Consumer<Tensor> withGenerator) {
        Generator.manualSeed(11);
        Tensor a = Tensor.zeros(6, 7);
        withDefault.accept(a);
        Tensor b = Tensor.zeros(6, 7);
        withGenerator.accept(b);
        assertArrayEquals(b.toArray(), a.toArray());
        assertTrue(a.abs().sum().item() > 0);
    }

    @Test
    void calculateGainFollowsPyTorchsTable() {
        for (String linear : new String[] {
            "linear",
            "conv1d",
            "conv2d",
            "conv3d",
            "conv_transpose1d",
            "conv_transpose2d",
            "conv_transpose3d",
            "sigmoid"
        }) {
            assertEquals(1.0, Init.calculateGain(linear), linear);
        }
        assertEquals(5.0 / 3, Init.calculateGain("tanh"), 1e-15);
        assertEquals(Math.sqrt(2), Init.calculateGain("relu"), 1e-15);
        assertEquals(Math.sqrt(2 / (1 + 0.01 * 0.01)), Init.calculateGain("leaky_relu"), 1e-15);
        assertEquals(Math.sqrt(2 / 1.04), Init.calculateGain("leaky_relu", 0.2), 1e-15);
        assertEquals(Math.sqrt(2), Init.calculateGain("leaky_relu", 0), 1e-15);
        assertEquals(0.75, Init.calculateGain("selu"), 1e-15);
        assertEquals(5.0 / 3, Init.calculateGain("tanh", 42), 1e-15);
    }

    @Test
    void validation() {
        assertMessage("calculateGain: unsupported nonlinearity 'swish'", () -> Init.calculateGain("swish"));
        assertMessage(
                "calculateGain: negative slope NaN is not a valid number",
                () -> Init.calculateGain("leaky_relu", Double.NaN));
        assertMessage(
                "kaimingUniform_: mode must be 'fan_in' or 'fan_out', got 'fanIn'",
                () -> Init.kaimingUniform_(Tensor.zeros(2, 2), 0, "fanIn", "relu"));
        assertMessage(
                "fans: fan in and fan out need a tensor with at least 2 dims, got [5]",
                () -> Init.xavierUniform_(Tensor.zeros(5)));
        assertMessage("uniform_: a must be <= b, got a 1.0, b 0.0", () -> Init.uniform_(Tensor.zeros(2), 1, 0));
        assertMessage(
                "uniform_: a and b must be finite floats, got a -Infinity, b Infinity",
                () -> Init.uniform_(Tensor.zeros(2), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertMessage(
                "uniform_: a and b must be finite floats, got a 0.0, b 1.0E39",
                () -> Init.uniform_(Tensor.zeros(2), 0, 1e39));
        assertMessage(
                "uniform_: a and b must be finite floats, got a NaN, b 1.0",
                () -> Init.uniform_(Tensor.zeros(2), Double.NaN, 1));
        assertMessage(
                "xavierUniform_: gain must be finite, got Infinity",
                () -> Init.xavierUniform_(Tensor.zeros(2, 2), Double.POSITIVE_INFINITY));
        assertMessage(
                "xavierNormal_: gain must be finite, got NaN",
                () -> Init.xavierNormal_(Tensor.zeros(2, 2), Double.NaN));
        assertMessage(
                "normal_: mean must be finite and std finite and >= 0, got mean 0.0, std -1.0",
                () -> Init.normal_(Tensor.zeros(2), 0, -1));
        assertMessage(
                "truncNormal_: needs a finite mean, a finite std > 0 and a < b, got mean 0.0, std 1.0,"
                        + " a 2.0, b 2.0",
                () -> Init.truncNormal_(Tensor.zeros(2), 0, 1, 2, 2));
        assertMessage(
                "truncNormal_: [a, b] = [50.0, 60.0] lies too far in the tail of N(0.0, 1.0²) to sample"
                        + " (its probability underflows)",
                () -> Init.truncNormal_(Tensor.zeros(2), 0, 1, 50, 60));
    }
}
