package org.grad4j.nn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.grad4j.autograd.GradCheck;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Each loss against values computed by hand, each reduction, the options, stability and gradients. */
class LossTest {
    private static final Tensor X = Tensor.of(new float[] {1, -2, 0.5f, 3}, 4);
    private static final Tensor Y = Tensor.of(new float[] {0, 1, 2, 3}, 4);

    private static float[] values(Tensor t) {
        return t.toArray();
    }

    @Test
    void elementwiseLossesAndReductions() {
        assertEquals((1 + 9 + 2.25f + 0) / 4, new MSELoss().forward(X, Y).item(), 1e-6f);
        assertEquals(1 + 3 + 1.5f, new L1Loss(Reduction.SUM).forward(X, Y).item(), 1e-6f);
        assertArrayEquals(new float[] {1, 3, 1.5f, 0}, values(new L1Loss(Reduction.NONE).forward(X, Y)), 1e-6f);
        // Huber, delta 1: |d| = 1, 3, 1.5, 0 -> 0.5, 2.5, 1.0, 0
        assertArrayEquals(
                new float[] {0.5f, 2.5f, 1f, 0}, values(new HuberLoss(Reduction.NONE, 1).forward(X, Y)), 1e-6f);
        // delta 2: 0.5, 2 * (3 - 1) = 4, 1.125, 0
        assertEquals(
                (0.5f + 4 + 1.125f) / 4,
                new HuberLoss(Reduction.MEAN, 2).forward(X, Y).item(),
                1e-6f);
    }

    @Test
    void bceWithLogitsMatchesTheDefinitionAndStaysFiniteForHugeLogits() {
        Tensor x = Tensor.of(new float[] {0.3f, -1.2f, 2f}, 3);
        Tensor y = Tensor.of(new float[] {1, 0, 0.25f}, 3);
        double expected = 0;
        float[] xs = x.toArray();
        float[] ys = y.toArray();
        for (int i = 0; i < 3; i++) {
            double p = 1 / (1 + Math.exp(-xs[i]));
            expected -= ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
        }
        assertEquals(expected / 3, new BCEWithLogitsLoss().forward(x, y).item(), 1e-6);
        Tensor pos = Tensor.of(new float[] {3, 3, 3}, 3);
        double weighted = 0;
        for (int i = 0; i < 3; i++) {
            double p = 1 / (1 + Math.exp(-xs[i]));
            weighted -= 3 * ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
        }
        assertEquals(
                weighted,
                new BCEWithLogitsLoss(Reduction.SUM, null, pos).forward(x, y).item(),
                1e-5);
        Tensor huge = Tensor.of(new float[] {1e4f, -1e4f}, 2);
        assertArrayEquals(
                new float[] {1e4f, 0},
                values(new BCEWithLogitsLoss(Reduction.NONE, null, null)
                        .forward(huge, Tensor.of(new float[] {0, 0}, 2))),
                1e-3f);
    }

    /** −log softmax(row)[t] in double. */
    private static double ce(float[] row, int t) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : row) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum) - row[t];
    }

    private static final float[][] LOGITS = {{2, 1, 0.1f}, {0.5f, 2.5f, -1}, {-3, 0, 3}, {1, 1, 1}};
    private static final Tensor INPUT = Tensor.of(new float[] {2, 1, 0.1f, 0.5f, 2.5f, -1, -3, 0, 3, 1, 1, 1}, 4, 3);
    private static final Tensor TARGET = Tensor.of(new float[] {0, 2, 2, 1}, 4);

    @Test
    void crossEntropyWithIndicesWeightsAndIgnoredSamples() {
        int[] t = {0, 2, 2, 1};
        double mean = 0;
        for (int i = 0; i < 4; i++) {
            mean += ce(LOGITS[i], t[i]) / 4;
        }
        assertEquals(mean, new CrossEntropyLoss().forward(INPUT, TARGET).item(), 1e-6);
        assertEquals(
                ce(LOGITS[1], 2),
                new CrossEntropyLoss(Reduction.NONE, null, -100, 0)
                        .forward(INPUT, TARGET)
                        .toArray()[1],
                1e-6);
        float[] w = {0.5f, 2f, 1f};
        double num = 0;
        double den = 0;
        for (int i = 0; i < 4; i++) {
            num += w[t[i]] * ce(LOGITS[i], t[i]);
            den += w[t[i]];
        }
        assertEquals(
                num / den,
                new CrossEntropyLoss(Reduction.MEAN, Tensor.of(w, 3), -100, 0)
                        .forward(INPUT, TARGET)
                        .item(),
                1e-6);
        Tensor ignoring = Tensor.of(new float[] {0, -100, 2, -100}, 4);
        assertEquals(
                (ce(LOGITS[0], 0) + ce(LOGITS[2], 2)) / 2,
                new CrossEntropyLoss().forward(INPUT, ignoring).item(),
                1e-6);
        assertArrayEquals(
                new float[] {0, 0},
                new float[] {
                    new NLLLoss(Reduction.NONE, null, -100)
                            .forward(INPUT.logSoftmax(1), ignoring)
                            .toArray()[1],
                    new NLLLoss(Reduction.NONE, null, -100)
                            .forward(INPUT.logSoftmax(1), ignoring)
                            .toArray()[3]
                },
                0f);
    }

    @Test
    void labelSmoothingMixesInTheUniformTarget() {
        double eps = 0.2;
        int[] t = {0, 2, 2, 1};
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            double smooth = 0;
            for (int c = 0; c < 3; c++) {
                smooth += ce(LOGITS[i], c);
            }
            expected += ((1 - eps) * ce(LOGITS[i], t[i]) + eps / 3 * smooth) / 4;
        }
        assertEquals(
                expected,
                new CrossEntropyLoss(Reduction.MEAN, null, -100, eps)
                        .forward(INPUT, TARGET)
                        .item(),
                1e-6);
        Tensor oneHotSmoothed = Tensor.zeros(4, 3);
        for (int i = 0; i < 4; i++) {
            oneHotSmoothed.select(0, i).select(0, t[i]).fill_(1);
        }
        assertEquals(
                expected,
                new CrossEntropyLoss(Reduction.MEAN, null, -100, eps)
                        .forward(INPUT, oneHotSmoothed)
                        .item(),
                1e-6,
                "probability targets give the same loss");
    }

    @Test
    void crossEntropyOverSpatialDimsAndUnbatched() {
        Tensor x = Tensor.randn(new Generator(3), 2, 3, 2, 2);
        Tensor t = Tensor.of(new float[] {0, 1, 2, 1, 2, 0, 0, 0}, 2, 2, 2);
        Tensor perPixel = new CrossEntropyLoss(Reduction.NONE, null, -100, 0).forward(x, t);
        assertArrayEquals(new int[] {2, 2, 2}, perPixel.shape());
        float[] xs = x.toArray();
        float[] pixel = {xs[3], xs[4 + 3], xs[8 + 3]}; // image 0, pixel (1, 1): x[0, c, 1, 1]
        assertEquals(ce(pixel, 1), perPixel.toArray()[3], 1e-5, "its target is t[0, 1, 1] = 1");
        assertEquals(
                ce(LOGITS[2], 2),
                new CrossEntropyLoss()
                        .forward(Tensor.of(LOGITS[2], 3), Tensor.scalar(2))
                        .item(),
                1e-6);
    }

    @Test
    void crossEntropyIsStableForLogitsFarApart() {
        Tensor x = Tensor.of(new float[] {1e4f, 0, -1e4f, -1e4f, 0, 1e4f}, 2, 3);
        Tensor losses =
                new CrossEntropyLoss(Reduction.NONE, null, -100, 0).forward(x, Tensor.of(new float[] {0, 0}, 2));
        assertArrayEquals(new float[] {0, 2e4f}, losses.toArray(), 1e-2f);
        Tensor smoothed =
                new CrossEntropyLoss(Reduction.MEAN, null, -100, 0.1).forward(x, Tensor.of(new float[] {0, 0}, 2));
        // −log p per class: row 0 [0, 1e4, 2e4], row 1 [2e4, 1e4, 0]; each row 0.9·(its target's)
        // + 0.1/3·(their sum): 1000 and 19000, mean 10000
        assertEquals(10000f, smoothed.item(), 0.5f);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor x = Tensor.randn(new Generator(5), 4, 3).requiresGrad(true);
        Tensor y = Tensor.randn(new Generator(6), 4, 3);
        GradCheck.check(in -> new MSELoss().forward(in[0], y), x);
        GradCheck.check(in -> new L1Loss(Reduction.SUM).forward(in[0], y), x);
        GradCheck.check(in -> new HuberLoss(Reduction.MEAN, 0.7).forward(in[0], y), x);
        GradCheck.check(
                in -> new BCEWithLogitsLoss(Reduction.MEAN, null, Tensor.of(new float[] {2, 1, 0.5f}, 3))
                        .forward(in[0], Tensor.rand(new Generator(7), 4, 3)),
                x);
        Tensor logits = INPUT.clone().requiresGrad(true);
        Tensor w = Tensor.of(new float[] {0.5f, 2f, 1f}, 3);
        GradCheck.check(in -> new CrossEntropyLoss().forward(in[0], TARGET), logits);
        GradCheck.check(in -> new CrossEntropyLoss(Reduction.MEAN, w, 1, 0.3).forward(in[0], TARGET), logits);
        GradCheck.check(
                in -> new CrossEntropyLoss(Reduction.SUM, w, -100, 0.1)
                        .forward(in[0], Tensor.rand(new Generator(8), 4, 3).softmax(1)),
                logits);
        GradCheck.check(in -> new NLLLoss(Reduction.MEAN, w, -100).forward(in[0].logSoftmax(1), TARGET), logits);
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals(
                "MSELoss: input [4] and target [2] must have the same shape",
                assertThrows(IllegalArgumentException.class, () -> new MSELoss().forward(X, Tensor.zeros(2)))
                        .getMessage());
        assertEquals(
                "CrossEntropyLoss: class-index target must have shape [4] for input [4, 3], got [3]",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new CrossEntropyLoss().forward(INPUT, Tensor.zeros(3)))
                        .getMessage());
        assertEquals(
                "CrossEntropyLoss: labelSmoothing must be in [0, 1], got 1.5",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new CrossEntropyLoss(Reduction.MEAN, null, -100, 1.5))
                        .getMessage());
        assertEquals(
                "HuberLoss: delta must be > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new HuberLoss(Reduction.MEAN, 0))
                        .getMessage());
        assertEquals(
                "CrossEntropyLoss: target 3.0 at flat index 2 is out of range: not a class index in [0, 3) nor"
                        + " the ignoreIndex -100",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new CrossEntropyLoss().forward(INPUT, Tensor.of(new float[] {0, 1, 3, 0}, 4)))
                        .getMessage());
        // these three were once messages of the primitives inside (gather, mul) that did not name the loss
        assertEquals(
                "NLLLoss: target 0.5 at flat index 1 is out of range: not a class index in [0, 3) nor the"
                        + " ignoreIndex -100",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new NLLLoss().forward(INPUT, Tensor.of(new float[] {0, 0.5f, 1, 0}, 4)))
                        .getMessage());
        assertEquals(
                "CrossEntropyLoss: target -1.0 at flat index 0 is out of range: not a class index in [0, 3) nor"
                        + " the ignoreIndex -100",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new CrossEntropyLoss(Reduction.MEAN, Tensor.ones(3), -100, 0.1)
                                        .forward(INPUT, Tensor.of(new float[] {-1, 0, 1, 0}, 4)))
                        .getMessage());
        assertEquals(
                "BCEWithLogitsLoss: weight [3] does not broadcast to the input [4]",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new BCEWithLogitsLoss(Reduction.MEAN, Tensor.ones(3), null)
                                        .forward(X, Tensor.zeros(4)))
                        .getMessage());
        assertThrows(UnsupportedOperationException.class, () -> new MSELoss().forward(X));
    }
}
