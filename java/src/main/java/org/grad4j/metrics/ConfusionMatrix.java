package org.grad4j.metrics;

import java.util.Arrays;
import org.grad4j.tensor.Tensor;

/**
 * Counts of (target class, predicted class) pairs, accumulated over any number of batches, and
 * the classification scores derived from them, like torchmetrics' {@code MulticlassConfusionMatrix}
 * (rows are targets, columns predictions, as in {@code sklearn.metrics.confusion_matrix}).
 *
 * <p>Shape: {@code preds} are either class indices with the target's shape {@code [N, *]} or
 * scores (logits or probabilities) {@code [N, C, *]} whose argmax over dim 1 is taken; {@code
 * target} holds class indices in [0, C) as floats.
 *
 * <p>Per-class precision, recall and F1 are 0 where their denominator is 0 (scikit-learn's
 * {@code zero_division=0}).
 *
 * <pre>{@code
 * ConfusionMatrix cm = new ConfusionMatrix(10);
 * for (Batch b : testLoader) cm.update(model.forward(b.input()), b.target());
 * cm.accuracy();                      // e.g. 0.87
 * cm.f1Score(Average.MACRO);
 * }</pre>
 */
public final class ConfusionMatrix {
    private final int numClasses;
    private final long[] counts;

    /**
     * An empty matrix, as {@code torchmetrics.classification.MulticlassConfusionMatrix(num_classes)}.
     *
     * @param numClasses the number of classes C, &ge; 2
     * @throws IllegalArgumentException if {@code numClasses} is less than 2
     */
    public ConfusionMatrix(int numClasses) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("ConfusionMatrix: numClasses must be >= 2, got " + numClasses);
        }
        this.numClasses = numClasses;
        this.counts = new long[numClasses * numClasses];
    }

    /**
     * Adds a batch of predictions (indices or scores) and targets, as torchmetrics' {@code update}.
     *
     * @param preds class indices of the target's shape, or scores [N, C, *]
     * @param target class indices [N, *] in [0, C), stored as floats
     * @return this matrix
     * @throws IllegalArgumentException if the shapes do not match, there are no samples or a value is
     *     not a class index in range; nothing is counted then
     */
    public ConfusionMatrix update(Tensor preds, Tensor target) {
        int[][] pt = Labels.predictionsAndTargets("ConfusionMatrix", preds, target, numClasses);
        for (int i = 0; i < pt[0].length; i++) {
            counts[pt[1][i] * numClasses + pt[0][i]]++;
        }
        return this;
    }

    /** Forgets every count, as torchmetrics' {@code reset}. */
    public void reset() {
        Arrays.fill(counts, 0);
    }

    /**
     * The number of classes C.
     *
     * @return C
     */
    public int numClasses() {
        return numClasses;
    }

    /**
     * How many samples of class {@code target} were predicted as {@code predicted}.
     *
     * @param target the target class, in [0, C)
     * @param predicted the predicted class, in [0, C)
     * @return the count
     * @throws IllegalArgumentException if a class is out of range
     */
    public long count(int target, int predicted) {
        if (target < 0 || target >= numClasses || predicted < 0 || predicted >= numClasses) {
            throw new IllegalArgumentException("ConfusionMatrix: classes (" + target + ", " + predicted
                    + ") out of range for " + numClasses + " classes");
        }
        return counts[target * numClasses + predicted];
    }

    /**
     * The number of samples counted.
     *
     * @return the sum of all counts
     */
    public long total() {
        return Arrays.stream(counts).sum();
    }

    /**
     * The counts, {@code [C, C]}: row = target class, column = predicted class.
     *
     * @return a new array
     */
    public long[][] toArray() {
        long[][] out = new long[numClasses][];
        for (int t = 0; t < numClasses; t++) {
            out[t] = Arrays.copyOfRange(counts, t * numClasses, (t + 1) * numClasses);
        }
        return out;
    }

    /**
     * The counts as a tensor of shape {@code [C, C]} (row = target, column = prediction), as
     * torchmetrics' {@code compute}.
     *
     * @return a new tensor
     */
    public Tensor compute() {
        float[] v = new float[counts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = counts[i];
        }
        return Tensor.wrap(v, numClasses, numClasses);
    }

    /**
     * Correct predictions / all predictions.
     *
     * @return a value in [0, 1]
     * @throws IllegalStateException if no sample was counted
     */
    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < numClasses; c++) {
            correct += counts[c * numClasses + c];
        }
        return (double) correct / nonEmptyTotal("accuracy");
    }

    /**
     * Per class: TP / (TP + FP), shape [C] ({@code average=None} in torchmetrics).
     *
     * @return a new array, 0 for a class never predicted
     */
    public double[] precision() {
        double[] out = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            out[c] = divide(tp(c), tp(c) + fp(c));
        }
        return out;
    }

    /**
     * Per class: TP / (TP + FN), shape [C] ({@code average=None} in torchmetrics).
     *
     * @return a new array, 0 for a class absent from the targets
     */
    public double[] recall() {
        double[] out = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            out[c] = divide(tp(c), tp(c) + fn(c));
        }
        return out;
    }

    /**
     * Per class: 2 TP / (2 TP + FP + FN), the harmonic mean of precision and recall, shape [C].
     *
     * @return a new array, 0 for a class neither predicted nor in the targets
     */
    public double[] f1Score() {
        double[] out = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            out[c] = divide(2 * tp(c), 2 * tp(c) + fp(c) + fn(c));
        }
        return out;
    }

    /**
     * Precision averaged over classes.
     *
     * @param average how per-class values become one
     * @return a value in [0, 1]
     * @throws IllegalStateException if no sample was counted
     */
    public double precision(Average average) {
        return average(average, precision());
    }

    /**
     * Recall averaged over classes.
     *
     * @param average how per-class values become one
     * @return a value in [0, 1]
     * @throws IllegalStateException if no sample was counted
     */
    public double recall(Average average) {
        return average(average, recall());
    }

    /**
     * F1 averaged over classes (macro: the mean of per-class F1, as torchmetrics and scikit-learn).
     *
     * @param average how per-class values become one
     * @return a value in [0, 1]
     * @throws IllegalStateException if no sample was counted
     */
    public double f1Score(Average average) {
        return average(average, f1Score());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(
                "ConfusionMatrix(numClasses=" + numClasses + ", rows=target, " + "columns=prediction)");
        for (long[] row : toArray()) {
            sb.append('\n').append(Arrays.toString(row));
        }
        return sb.toString();
    }

    private double average(Average average, double[] perClass) {
        long total = nonEmptyTotal(average.name().toLowerCase() + " average");
        double sum = 0;
        switch (average) {
            case MICRO:
                // single-label data: pooled TP / (TP + FP) = pooled TP / (TP + FN) = correct / total
                return accuracy();
            case MACRO:
                int present = 0;
                for (int c = 0; c < numClasses; c++) {
                    if (tp(c) + fp(c) + fn(c) > 0) {
                        sum += perClass[c];
                        present++;
                    }
                }
                return sum / present;
            default:
                for (int c = 0; c < numClasses; c++) {
                    sum += perClass[c] * (tp(c) + fn(c));
                }
                return sum / total;
        }
    }

    private long tp(int c) {
        return counts[c * numClasses + c];
    }

    /** Predicted c, target another class: column c minus the diagonal. */
    private long fp(int c) {
        long s = 0;
        for (int t = 0; t < numClasses; t++) {
            s += counts[t * numClasses + c];
        }
        return s - tp(c);
    }

    /** Target c, predicted another class: row c minus the diagonal. */
    private long fn(int c) {
        long s = 0;
        for (int p = 0; p < numClasses; p++) {
            s += counts[c * numClasses + p];
        }
        return s - tp(c);
    }

    private long nonEmptyTotal(String what) {
        long total = total();
        if (total == 0) {
            throw new IllegalStateException(
                    "ConfusionMatrix: " + what + " of no samples; call update(preds, target) " + "first");
        }
        return total;
    }

    private static double divide(long num, long den) {
        return den == 0 ? 0 : (double) num / den;
    }
}
