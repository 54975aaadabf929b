package org.grad4j.nn;

import static org.grad4j.nn.Layers.assertKeys;
import static org.grad4j.nn.Layers.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.grad4j.autograd.GradCheck;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DropoutTest {
    @Test
    void trainingDropsAboutPAndScalesTheRest() {
        Dropout drop = new Dropout(0.3, new Generator(5));
        float[] out = drop.forward(Tensor.ones(20_000)).toArray();
        long zeros = Arrays.stream(toDoubles(out)).filter(v -> v == 0).count();
        assertEquals(0.3, zeros / 20_000.0, 0.015);
        for (float v : out) {
            assertTrue(v == 0f || Math.abs(v - 1 / 0.7f) < 1e-6, "value " + v);
        }
    }

    @Test
    void evalIsTheIdentity() {
        Dropout drop = new Dropout();
        Tensor x = Tensor.randn(new Generator(1), 4, 5);
        drop.eval();
        assertSame(x, drop.forward(x));
        drop.train();
        assertFalse(Arrays.equals(x.toArray(), drop.forward(x).toArray()));
    }

    @Test
    void theMaskComesFromTheGeneratorOrTheCurrentDefaultOne() {
        Tensor x = Tensor.ones(50);
        float[] a = new Dropout(0.5, new Generator(9)).forward(x).toArray();
        assertArrayEquals(a, new Dropout(0.5, new Generator(9)).forward(x).toArray());
        assertFalse(
                Arrays.equals(a, new Dropout(0.5, new Generator(10)).forward(x).toArray()),
                "another generator seed, another mask");
        Dropout shared = new Dropout(0.5);
        Generator.manualSeed(3);
        float[] first = shared.forward(x).toArray();
        Generator.manualSeed(3);
        assertArrayEquals(first, shared.forward(x).toArray());
        Generator.manualSeed(4);
        assertFalse(Arrays.equals(first, shared.forward(x).toArray()), "another default seed, another mask");
    }

    @Test
    void gradientFlowsThroughTheKeptElements() {
        Generator gen = new Generator(2);
        Dropout drop = new Dropout(0.4, gen);
        GradCheck.check(
                in -> {
                    gen.reset();
                    return drop.forward(in[0]);
                },
                Layers.randn(3, 4, 6));
    }

    @Test
    void reprStateAndValidation() {
        assertEquals("Dropout(p=0.5, inplace=False)", new Dropout().toString());
        assertEquals("Dropout(p=0.25, inplace=False)", new Dropout(0.25).toString());
        assertKeys(List.of(), new Dropout());
        assertMessage("Dropout: p must be in [0, 1], got 1.5", () -> new Dropout(1.5));
        assertMessage("Dropout: p must be in [0, 1], got NaN", () -> new Dropout(Double.NaN));
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
