package org.grad4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed case: targets 0 0 1 1 2 2 2, predictions 0 1 1 1 2 0 1.
 * Matrix (row target, column prediction): [1 1 0], [0 2 0], [1 1 1].
 * TP 1 2 1, FP 1 2 0, FN 1 0 2, support 2 2 3.
 */
class ClassificationTest {
    private static final double EPS = 1e-12;
    private static final Tensor TARGET = Tensor.of(new float[] {0, 0, 1, 1, 2, 2, 2}, 7);
    private static final Tensor PREDS = Tensor.of(new float[] {0, 1, 1, 1, 2, 0, 1}, 7);
    /** Scores whose argmax over dim 1 is PREDS. */
    private static final Tensor LOGITS = Tensor.of(
            new float[] {
                3, 1, 0,
                0, 2, 1,
                -1, 5, 2,
                0, 0.5f, 0.2f,
                1, 1, 4,
                9, 2, 3,
                0, 1, 0
            },
            7,
            3);

    @Test
    void confusionMatrixCountsTargetsByRowAndPredictionsByColumn() {
        ConfusionMatrix cm = Classification.confusionMatrix(PREDS, TARGET, 3);
        assertArrayEquals(new long[][] {{1, 1, 0}, {0, 2, 0}, {1, 1, 1}}, cm.toArray());
        assertArrayEquals(new float[] {1, 1, 0, 0, 2, 0, 1, 1, 1}, cm.compute().toArray());
        assertEquals(7, cm.total());
        assertEquals(2, cm.count(1, 1));
        assertArrayEquals(
                cm.toArray(), Classification.confusionMatrix(LOGITS, TARGET, 3).toArray(), "from logits");
    }

    @Test
    void accuracyFromIndicesOrLogits() {
        assertEquals(4.0 / 7, Classification.accuracy(PREDS, TARGET), EPS);
        assertEquals(4.0 / 7, Classification.accuracy(LOGITS, TARGET), EPS);
        assertEquals(4.0 / 7, Classification.confusionMatrix(PREDS, TARGET, 3).accuracy(), EPS);
    }

    @Test
    void perClassScores() {
        ConfusionMatrix cm = Classification.confusionMatrix(PREDS, TARGET, 3);
        assertArrayEquals(new double[] {0.5, 0.5, 1}, cm.precision(), EPS);
        assertArrayEquals(new double[] {0.5, 1, 1.0 / 3}, cm.recall(), EPS);
        assertArrayEquals(new double[] {0.5, 2.0 / 3, 0.5}, cm.f1Score(), EPS);
    }

    @Test
    void averages() {
        assertEquals(2.0 / 3, Classification.precision(PREDS, TARGET, 3, Average.MACRO), EPS);
        assertEquals(11.0 / 18, Classification.recall(PREDS, TARGET, 3, Average.MACRO), EPS);
        assertEquals(5.0 / 9, Classification.f1Score(PREDS, TARGET, 3, Average.MACRO), EPS);
        assertEquals(5.0 / 7, Classification.precision(PREDS, TARGET, 3, Average.WEIGHTED), EPS);
        assertEquals(4.0 / 7, Classification.recall(PREDS, TARGET, 3, Average.WEIGHTED), EPS);
        assertEquals(23.0 / 42, Classification.f1Score(PREDS, TARGET, 3, Average.WEIGHTED), EPS);
        assertEquals(4.0 / 7, Classification.precision(PREDS, TARGET, 3, Average.MICRO), EPS);
        assertEquals(4.0 / 7, Classification.recall(PREDS, TARGET, 3, Average.MICRO), EPS);
        assertEquals(4.0 / 7, Classification.f1Score(PREDS, TARGET, 3, Average.MICRO), EPS);
    }

    @Test
    void macroSkipsClassesThatNeverOccur() {
        // class 3 is neither a target nor a prediction: it does not dilute the macro average
        assertEquals(2.0 / 3, Classification.precision(PREDS, TARGET, 4, Average.MACRO), EPS);
        assertEquals(0, Classification.confusionMatrix(PREDS, TARGET, 4).precision()[3]);
    }

    @Test
    void accumulatesOverBatchesAndResets() {
        ConfusionMatrix cm = new ConfusionMatrix(3);
        cm.update(PREDS.narrow(0, 0, 3), TARGET.narrow(0, 0, 3));
        cm.update(LOGITS.narrow(0, 3, 4), TARGET.narrow(0, 3, 4));
        assertArrayEquals(Classification.confusionMatrix(PREDS, TARGET, 3).toArray(), cm.toArray());
        cm.reset();
        assertEquals(0, cm.total());
        IllegalStateException e = assertThrows(IllegalStateException.class, cm::accuracy);
        assertEquals("ConfusionMatrix: accuracy of no samples; call update(preds, target) first", e.getMessage());
    }

    @Test
    void badInputsAreRejectedWithShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(1));
        assertEquals("ConfusionMatrix: numClasses must be >= 2, got 1", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> Classification.accuracy(Tensor.zeros(3), Tensor.zeros(4)));
        assertEquals(
                "accuracy: preds [3] and target [4] do not match; expected preds of the target's shape [N, *] "
                        + "(class indices) or [N, C, *] (scores)",
                e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> Classification.confusionMatrix(Tensor.zeros(7, 4), TARGET, 3));
        assertEquals("ConfusionMatrix: scores [7, 4] have 4 classes in dim 1, expected 3", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> Classification.confusionMatrix(PREDS, Tensor.full(3, 7), 3));
        assertEquals("ConfusionMatrix: target 3.0 at position 0 is not a class index in [0, 3)", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> Classification.accuracy(Tensor.of(new float[] {0.5f}, 1), Tensor.zeros(1)));
        assertEquals("accuracy: prediction 0.5 at position 0 is not a class index in [0, inf)", e.getMessage());
    }
}
