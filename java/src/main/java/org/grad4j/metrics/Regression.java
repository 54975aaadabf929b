package org.grad4j.metrics;

import java.util.Arrays;
import org.grad4j.tensor.Tensor;

/**
 * Regression metrics, like {@code torchmetrics.functional} and {@code sklearn.metrics}, computed
 * in double precision over all elements.
 *
 * <p>Shape: {@code preds} and {@code target} have the same shape; for {@link #r2Score} it is
 * {@code [N]} (one output) or {@code [N, D]} (D outputs, scores averaged uniformly).
 *
 * <pre>{@code
 * Tensor y = Tensor.of(new float[] {3, -0.5f, 2, 7}, 4);
 * Tensor p = Tensor.of(new float[] {2.5f, 0, 2, 8}, 4);
 * Regression.meanSquaredError(p, y);    // 0.375
 * Regression.meanAbsoluteError(p, y);   // 0.5
 * Regression.r2Score(p, y);             // 0.9486...
 * }</pre>
 */
public final class Regression {
    private Regression() {}

    /**
     * mean((preds - target)^2), as {@code torchmetrics.functional.mean_squared_error} and
     * {@code sklearn.metrics.mean_squared_error}.
     *
     * @param preds the predictions
     * @param target the true values, of the predictions' shape
     * @return the mean over all elements
     * @throws IllegalArgumentException if the shapes differ or there are no elements
     */
    public static double meanSquaredError(Tensor preds, Tensor target) {
        float[][] v = values("meanSquaredError", preds, target);
        double sum = 0;
        for (int i = 0; i < v[0].length; i++) {
            double d = (double) v[0][i] - v[1][i];
            sum += d * d;
        }
        return sum / v[0].length;
    }

    /**
     * mean(|preds - target|), as {@code torchmetrics.functional.mean_absolute_error} and
     * {@code sklearn.metrics.mean_absolute_error}.
     *
     * @param preds the predictions
     * @param target the true values, of the predictions' shape
     * @return the mean over all elements
     * @throws IllegalArgumentException if the shapes differ or there are no elements
     */
    public static double meanAbsoluteError(Tensor preds, Tensor target) {
        float[][] v = values("meanAbsoluteError", preds, target);
        double sum = 0;
        for (int i = 0; i < v[0].length; i++) {
            sum += Math.abs((double) v[0][i] - v[1][i]);
        }
        return sum / v[0].length;
    }

    /**
     * The coefficient of determination 1 - SS_res / SS_tot, per output and averaged over outputs, as
     * {@code torchmetrics.functional.r2_score} and {@code sklearn.metrics.r2_score}. As in
     * scikit-learn, an output whose target is constant scores 1 if predicted exactly, else 0.
     *
     * @param preds the predictions, [N] or [N, D]
     * @param target the true values, of the predictions' shape, with N &ge; 2
     * @return the score, at most 1 (negative when worse than predicting the mean)
     * @throws IllegalArgumentException if the shapes differ, are not [N] or [N, D], or N is less than 2
     */
    public static double r2Score(Tensor preds, Tensor target) {
        float[][] v = values("r2Score", preds, target);
        if (target.dim() == 0 || target.dim() > 2 || target.size(0) < 2) {
            throw new IllegalArgumentException(
                    "r2Score: expects [N] or [N, D] with N >= 2, got " + Arrays.toString(target.shape()));
        }
        int n = target.size(0);
        int outputs = target.dim() == 2 ? target.size(1) : 1;
        double total = 0;
        for (int o = 0; o < outputs; o++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += v[1][i * outputs + o];
            }
            mean /= n;
            double ssRes = 0;
            double ssTot = 0;
            for (int i = 0; i < n; i++) {
                double y = v[1][i * outputs + o];
                double r = y - v[0][i * outputs + o];
                ssRes += r * r;
                ssTot += (y - mean) * (y - mean);
            }
            total += ssTot == 0 ? (ssRes == 0 ? 1 : 0) : 1 - ssRes / ssTot;
        }
        return total / outputs;
    }

    private static float[][] values(String op, Tensor preds, Tensor target) {
        if (!Arrays.equals(preds.shape(), target.shape())) {
            throw new IllegalArgumentException(op + ": preds " + Arrays.toString(preds.shape()) + " and target "
                    + Arrays.toString(target.shape()) + " must have the same shape");
        }
        if (target.numel() == 0) {
            throw new IllegalArgumentException(op + ": no samples (shape " + Arrays.toString(target.shape()) + ")");
        }
        return new float[][] {preds.toArray(), target.toArray()};
    }
}
