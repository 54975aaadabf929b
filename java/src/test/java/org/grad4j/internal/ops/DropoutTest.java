package org.grad4j.internal.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * dropout's contract, which a spec cannot state (the mask is random): reproducible per seed,
 * the dropped fraction near p, kept values scaled by 1/(1−p), identity when not training, p
 * validated, and gradient only through kept elements. Inputs are in [1, 2) so a zero output
 * always means a dropped element.
 */
class DropoutTest {
    private static Tensor positive(int... shape) {
        return Tensor.uniform(new Generator(3), 1f, 2f, shape);
    }

    @Test
    void sameSeedGivesTheSameMask() {
        Tensor x = positive(1000);
        float[] first = x.dropout(0.3f, true, new Generator(7)).toArray();
        assertArrayEquals(first, x.dropout(0.3f, true, new Generator(7)).toArray());
        assertFalse(Arrays.equals(first, x.dropout(0.3f, true, new Generator(8)).toArray()));
    }

    @Test
    void dropsAFractionCloseToP() {
        for (float p : new float[] {0.1f, 0.5f, 0.8f}) {
            float[] out = positive(100_000).dropout(p, true, new Generator(11)).toArray();
            long zeros = 0;
            for (float v : out) {
                zeros += v == 0f ? 1 : 0;
            }
            // the standard deviation of the fraction is at most 0.0016 here; 0.01 is six of them
            assertEquals(p, zeros / (double) out.length, 0.01, "p = " + p);
        }
    }

    @Test
    void scalesKeptValuesByOneOverOneMinusP() {
        Tensor x = positive(2000);
        float[] in = x.toArray();
        float[] out = x.dropout(0.25f, true, new Generator(5)).toArray();
        int kept = 0;
        for (int i = 0; i < in.length; i++) {
            if (out[i] != 0f) {
                kept++;
                assertEquals(in[i] / 0.75f, out[i], 1e-6f * Math.abs(out[i]), "element " + i);
            }
        }
        assertTrue(kept > 0 && kept < in.length, "kept " + kept + " of " + in.length);
    }

    @Test
    void worksOnANonContiguousInput() {
        Tensor x = positive(8, 5).t();
        float[] in = x.toArray();
        Tensor y = x.dropout(0.5f, true, new Generator(9));
        assertArrayEquals(new int[] {5, 8}, y.shape());
        float[] out = y.toArray();
        int kept = 0;
        for (int i = 0; i < in.length; i++) {
            assertTrue(out[i] == 0f || out[i] == 2 * in[i], "element " + i + ": " + out[i] + " from " + in[i]);
            kept += out[i] != 0f ? 1 : 0;
        }
        // all dropped or all kept would pass the loop above; p = 0.5 over 40 elements gives neither
        assertTrue(kept > 0 && kept < in.length, "kept " + kept + " of " + in.length);
    }

    @Test
    void notTrainingOrPZeroReturnsTheInputUnchanged() {
        Tensor x = positive(4, 6);
        assertArrayEquals(x.toArray(), x.dropout(0.5f, false, new Generator(1)).toArray());
        assertArrayEquals(x.shape(), x.dropout(0.5f, false, new Generator(1)).shape());
        assertArrayEquals(x.toArray(), x.dropout(0f, true, new Generator(1)).toArray());
    }

    @Test
    void pOneDropsEverything() {
        Tensor x = positive(10).requiresGrad(true);
        Tensor y = x.dropout(1f, true, new Generator(1));
        assertArrayEquals(new float[10], y.toArray());
        y.sum().backward();
        assertArrayEquals(new float[10], x.grad().toArray());
    }

    @Test
    void rejectsPOutsideZeroOne() {
        Tensor x = positive(3);
        for (float p : new float[] {-0.1f, 1.5f, Float.NaN}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> x.dropout(p, true, new Generator(1)));
            assertTrue(e.getMessage().startsWith("dropout: p must be in [0, 1], got "), e.getMessage());
        }
    }

    @Test
    void gradientFlowsOnlyThroughKeptElements() {
        Tensor x = positive(200).requiresGrad(true);
        Tensor y = x.dropout(0.4f, true, new Generator(13));
        Tensor v = Tensor.uniform(new Generator(17), -1f, 1f, 200);
        y.mul(v).sum().backward();
        float[] out = y.toArray();
        float[] grad = x.grad().toArray();
        float[] weights = v.toArray();
        for (int i = 0; i < out.length; i++) {
            float expected = out[i] == 0f ? 0f : weights[i] / 0.6f;
            assertEquals(expected, grad[i], 1e-6f, "element " + i);
        }
    }
}
