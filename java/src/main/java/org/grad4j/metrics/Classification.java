package org.grad4j.metrics;

import org.grad4j.tensor.Tensor;

/**
 * Classification metrics on one set of predictions, like {@code torchmetrics.functional} and
 * {@code sklearn.metrics}; to accumulate over batches use a {@link ConfusionMatrix}.
 *
 * <p>Shape: {@code preds} are class indices with the target's shape {@code [N, *]}, or scores
 * (logits or probabilities) {@code [N, C, *]} whose argmax over dim 1 is the prediction;
 * {@code target} holds class indices as floats.
 *
 * <pre>{@code
 * Tensor logits = Tensor.of(new float[] {2, 1, 0, 3, 5, 1}, 3, 2);   // argmax: 0, 1, 0
 * Tensor target = Tensor.of(new float[] {0, 1, 1}, 3);
 * Classification.accuracy(logits, target);                            // 0.6666...
 * }</pre>
 */
public final class Classification {
    private Classification() {}

    /**
     * The fraction of predictions equal to the target (needs no number of classes), as
     * {@code torchmetrics.functional.accuracy} and {@code sklearn.metrics.accuracy_score}.
     *
     * @param preds class indices of the target's shape, or scores [N, C, *]
     * @param target class indices [N, *], whole numbers &ge; 0 stored as floats
     * @return a value in [0, 1]
     * @throws IllegalArgumentException if the shapes do not match, there are no samples or a value is
     *     not a class index
     */
    public static double accuracy(Tensor preds, Tensor target) {
        int[][] pt = Labels.predictionsAndTargets("accuracy", preds, target, 0);
        long correct = 0;
        for (int i = 0; i < pt[0].length; i++) {
            if (pt[0][i] == pt[1][i]) {
                correct++;
            }
        }
        return (double) correct / pt[0].length;
    }

    /**
     * The confusion matrix of one set of predictions (rows = target, columns = prediction), as
     * {@code sklearn.metrics.confusion_matrix}.
     *
     * @param preds class indices of the target's shape, or scores [N, C, *]
     * @param target class indices [N, *] in [0, numClasses), stored as floats
     * @param numClasses the number of classes C, &ge; 2
     * @return a new matrix holding these counts
     * @throws IllegalArgumentException if {@code numClasses} is less than 2, the shapes do not match,
     *     there are no samples or a value is not a class index in range
     */
    public static ConfusionMatrix confusionMatrix(Tensor preds, Tensor target, int numClasses) {
        return new ConfusionMatrix(numClasses).update(preds, target);
    }

    /**
     * TP / (TP + FP), averaged over classes, as {@code torchmetrics.functional.precision} and
     * {@code sklearn.metrics.precision_score}.
     *
     * @param preds class indices of the target's shape, or scores [N, C, *]
     * @param target class indices [N, *] in [0, numClasses), stored as floats
     * @param numClasses the number of classes C, &ge; 2
     * @param average how per-class values become one
     * @return a value in [0, 1]
     * @throws IllegalArgumentException if {@code numClasses} is less than 2, the shapes do not match,
     *     there are no samples or a value is not a class index in range
     */
    public static double precision(Tensor preds, Tensor target, int numClasses, Average average) {
        return confusionMatrix(preds, target, numClasses).precision(average);
    }

    /**
     * TP / (TP + FN), averaged over classes, as {@code torchmetrics.functional.recall} and
     * {@code sklearn.metrics.recall_score}.
     *
     * @param preds class indices of the target's shape, or scores [N, C, *]
     * @param target class indices [N, *] in [0, numClasses), stored as floats
     * @param numClasses the number of classes C, &ge; 2
     * @param average how per-class values become one
     * @return a value in [0, 1]
     * @throws IllegalArgumentException if {@code numClasses} is less than 2, the shapes do not match,
     *     there are no samples or a value is not a class index in range
     */
    public static double recall(Tensor preds, Tensor target, int numClasses, Average average) {
        return confusionMatrix(preds, target, numClasses).recall(average);
    }

    /**
     * 2 TP / (2 TP + FP + FN), averaged over classes, as {@code torchmetrics.functional.f1_score} and
     * {@code sklearn.metrics.f1_score}.
     *
     * @param preds class indices of the target's shape, or scores [N, C, *]
     * @param target class indices [N, *] in [0, numClasses), stored as floats
     * @param numClasses the number of classes C, &ge; 2
     * @param average how per-class values become one
     * @return a value in [0, 1]
     * @throws IllegalArgumentException if {@code numClasses} is less than 2, the shapes do not match,
     *     there are no samples or a value is not a class index in range
     */
    public static double f1Score(Tensor preds, Tensor target, int numClasses, Average average) {
        return confusionMatrix(preds, target, numClasses).f1Score(average);
    }
}
