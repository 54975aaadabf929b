package org.grad4j.nn;

import static org.grad4j.nn.Layers.assertKeys;
import static org.grad4j.nn.Layers.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.grad4j.autograd.GradCheck;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class BatchNormTest {
    private static final double EPS = 1e-5;

    /** Per-channel mean and biased variance of x [N, C, L], computed with plain loops in double. */
    private static double[][] stats(Tensor x) {
        int n = x.size(0);
        int c = x.size(1);
        int l = x.size(2);
        double[][] out = new double[2][c];
        for (int ch = 0; ch < c; ch++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < l; j++) {
                    sum += x.get(i, ch, j);
                }
            }
            double mean = sum / (n * l);
            double sq = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < l; j++) {
                    sq += (x.get(i, ch, j) - mean) * (x.get(i, ch, j) - mean);
                }
            }
            out[0][ch] = mean;
            out[1][ch] = sq / (n * l);
        }
        return out;
    }

    /** (x − mean) / sqrt(var + eps) · w + b on x [N, C, L], in double. */
    private static float[] normalize(Tensor x, double[] mean, double[] var, float[] w, float[] b) {
        float[] out = new float[x.numel()];
        int k = 0;
        for (int i = 0; i < x.size(0); i++) {
            for (int ch = 0; ch < x.size(1); ch++) {
                for (int j = 0; j < x.size(2); j++) {
                    out[k++] = (float) ((x.get(i, ch, j) - mean[ch]) / Math.sqrt(var[ch] + EPS) * w[ch] + b[ch]);
                }
            }
        }
        return out;
    }

    @Test
    void trainingNormalizesWithBatchStatistics() {
        BatchNorm2d bn = new BatchNorm2d(3);
        Layers.set(bn.weight, 1.5f, -2f, 0.5f);
        Layers.set(bn.bias, 0.1f, 0.2f, -0.3f);
        Tensor x = Tensor.randn(new Generator(1), 4, 3, 2, 3).mul(2).add(1);
        double[][] s = stats(x.reshape(4, 3, 6));
        float[] expected = normalize(x.reshape(4, 3, 6), s[0], s[1], bn.weight.toArray(), bn.bias.toArray());
        assertArrayEquals(expected, bn.forward(x).toArray(), 1e-5f);
        assertArrayEquals(x.shape(), bn.forward(x).shape());
    }

    @Test
    void runningStatisticsAreExponentialAveragesWithTheUnbiasedVariance() {
        BatchNorm1d bn = new BatchNorm1d(2);
        double[] mean = {0, 0};
        double[] var = {1, 1};
        for (int step = 0; step < 3; step++) {
            Tensor x = Tensor.randn(new Generator(10 + step), 5, 2, 4).add(step);
            bn.forward(x);
            double[][] s = stats(x);
            for (int c = 0; c < 2; c++) {
                mean[c] = 0.9 * mean[c] + 0.1 * s[0][c];
                var[c] = 0.9 * var[c] + 0.1 * s[1][c] * 20 / 19;
            }
        }
        assertArrayEquals(new float[] {(float) mean[0], (float) mean[1]}, bn.runningMean.toArray(), 1e-5f);
        assertArrayEquals(new float[] {(float) var[0], (float) var[1]}, bn.runningVar.toArray(), 1e-5f);
        assertEquals(3f, bn.numBatchesTracked.item());
        assertEquals(0, bn.numBatchesTracked.dim());
    }

    @Test
    void evalNormalizesWithTheRunningStatisticsAndLeavesThemAlone() {
        BatchNorm1d bn = new BatchNorm1d(3);
        bn.forward(Tensor.randn(new Generator(3), 8, 3).mul(3));
        float[] rm = bn.runningMean.toArray();
        float[] rv = bn.runningVar.toArray();
        bn.eval();
        Tensor x = Tensor.randn(new Generator(4), 5, 3);
        float[] expected =
                normalize(x.unsqueeze(2), toDouble(rm), toDouble(rv), new float[] {1, 1, 1}, new float[] {0, 0, 0});
        assertArrayEquals(expected, bn.forward(x).toArray(), 1e-5f);
        assertArrayEquals(rm, bn.runningMean.toArray());
        assertArrayEquals(rv, bn.runningVar.toArray());
        assertEquals(1f, bn.numBatchesTracked.item());
        // one sample is fine in eval mode
        assertArrayEquals(new int[] {1, 3}, bn.forward(Tensor.ones(1, 3)).shape());
    }

    @Test
    void nullMomentumGivesTheCumulativeAverage() {
        BatchNorm1d bn = new BatchNorm1d(1, 1e-5, null, true, true);
        Tensor a = Tensor.of(new float[] {1, 3}, 2, 1);
        Tensor b = Tensor.of(new float[] {5, 11}, 2, 1);
        bn.forward(a);
        bn.forward(b);
        assertEquals(5f, bn.runningMean.item(), 1e-6f); // (2 + 8) / 2
        assertEquals(10f, bn.runningVar.item(), 1e-5f); // (2 + 18) / 2, unbiased
        assertEquals("BatchNorm1d(1, eps=1e-05, momentum=None, affine=True, track_running_stats=True)", bn.toString());
    }

    @Test
    void withoutRunningStatisticsEvalStillUsesTheBatch() {
        BatchNorm1d bn = new BatchNorm1d(2, 1e-3, 0.1, false, false);
        assertKeys(List.of(), bn);
        assertNull(bn.runningMean);
        assertNull(bn.weight);
        bn.eval();
        Tensor x = Tensor.randn(new Generator(5), 6, 2);
        double[][] s = stats(x.unsqueeze(2));
        float[] expected = new float[12];
        for (int i = 0; i < 12; i++) {
            int c = i % 2;
            expected[i] = (float) ((x.toArray()[i] - s[0][c]) / Math.sqrt(s[1][c] + 1e-3));
        }
        assertArrayEquals(expected, bn.forward(x).toArray(), 1e-5f);
    }

    @Test
    void gradientsCheckInTrainingAndEval() {
        BatchNorm2d bn = new BatchNorm2d(2);
        Layers.set(bn.weight, 0.7f, -1.3f);
        Layers.set(bn.bias, 0.2f, 0.4f);
        Tensor x = Layers.randn(6, 3, 2, 2, 2);
        GradCheck.check(in -> bn.forward(in[0]), x, bn.weight, bn.bias);
        bn.eval();
        GradCheck.check(in -> bn.forward(in[0]), x, bn.weight, bn.bias);
        BatchNorm1d bn1 = new BatchNorm1d(3);
        GradCheck.check(in -> bn1.forward(in[0]), Layers.randn(7, 4, 3), bn1.weight, bn1.bias);
    }

    @Test
    void stateDictKeysFollowPyTorch() {
        assertKeys(List.of("weight", "bias", "running_mean", "running_var", "num_batches_tracked"), new BatchNorm2d(4));
        assertKeys(
                List.of("running_mean", "running_var", "num_batches_tracked"),
                new BatchNorm1d(4, 1e-5, 0.1, false, true));
        BatchNorm2d bn = new BatchNorm2d(2);
        assertArrayEquals(new float[] {1, 1}, bn.weight.toArray());
        assertArrayEquals(new float[] {0, 0}, bn.bias.toArray());
        assertArrayEquals(new float[] {0, 0}, bn.runningMean.toArray());
        assertArrayEquals(new float[] {1, 1}, bn.runningVar.toArray());
        assertEquals(0f, bn.numBatchesTracked.item());
    }

    @Test
    void reprAndValidation() {
        assertEquals(
                "BatchNorm2d(64, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
                new BatchNorm2d(64).toString());
        assertEquals(
                "BatchNorm1d(8, eps=0.001, momentum=0.01, affine=False, track_running_stats=False)",
                new BatchNorm1d(8, 1e-3, 0.01, false, false).toString());
        assertMessage("BatchNorm2d: numFeatures must be > 0, got 0", () -> new BatchNorm2d(0));
        assertMessage(
                "BatchNorm1d: eps must be finite and >= 0, got -1.0", () -> new BatchNorm1d(2, -1, 0.1, true, true));
        assertMessage(
                "BatchNorm1d: momentum must be in [0, 1] or null, got 1.5",
                () -> new BatchNorm1d(2, 1e-5, 1.5, true, true));
        assertMessage(
                "BatchNorm2d: expected input [N, 3, H, W], got [2, 3, 4]",
                () -> new BatchNorm2d(3).forward(Tensor.zeros(2, 3, 4)));
        assertMessage(
                "BatchNorm1d: expected input [N, 3] or [N, 3, L], got [2, 4]",
                () -> new BatchNorm1d(3).forward(Tensor.zeros(2, 4)));
        assertMessage(
                "BatchNorm1d: expected more than 1 value per channel when training, got input [1, 3]",
                () -> new BatchNorm1d(3).forward(Tensor.zeros(1, 3)));
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
