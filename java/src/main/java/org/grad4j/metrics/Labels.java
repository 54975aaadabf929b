package org.grad4j.metrics;

import java.util.Arrays;
import org.grad4j.tensor.Tensor;

/** Turns (predictions, targets) tensors into class indices, with the checks every metric shares. */
final class Labels {
    private Labels() {}

    /**
     * {predicted classes, target classes}: preds with the target's shape are indices; preds with
     * one more dim are scores over dim 1 (argmax taken). numClasses <= 0 means "any".
     */
    static int[][] predictionsAndTargets(String op, Tensor preds, Tensor target, int numClasses) {
        Tensor predicted = preds;
        if (preds.dim() == target.dim() + 1 && preds.dim() >= 2) {
            if (numClasses > 0 && preds.size(1) != numClasses) {
                throw new IllegalArgumentException(op + ": scores " + Arrays.toString(preds.shape()) + " have "
                        + preds.size(1) + " classes in dim 1, expected " + numClasses);
            }
            int[] kept = preds.shape();
            int[] expected = new int[target.dim()];
            for (int i = 0, j = 0; i < kept.length; i++) {
                if (i != 1) {
                    expected[j++] = kept[i];
                }
            }
            if (!Arrays.equals(expected, target.shape())) {
                throw shapes(op, preds, target);
            }
            predicted = preds.detach().argmax(1);
        } else if (!Arrays.equals(preds.shape(), target.shape())) {
            throw shapes(op, preds, target);
        }
        if (target.numel() == 0) {
            throw new IllegalArgumentException(op + ": no samples (target " + Arrays.toString(target.shape()) + ")");
        }
        return new int[][] {
            indices(op, "prediction", predicted.toArray(), numClasses),
            indices(op, "target", target.toArray(), numClasses)
        };
    }

    private static int[] indices(String op, String what, float[] values, int numClasses) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (v != Math.rint(v) || v < 0 || (numClasses > 0 && v >= numClasses)) {
                throw new IllegalArgumentException(op + ": " + what + " " + v + " at position " + i + " is not a class "
                        + "index in [0, " + (numClasses > 0 ? numClasses : "inf") + ")");
            }
            out[i] = (int) v;
        }
        return out;
    }

    private static IllegalArgumentException shapes(String op, Tensor preds, Tensor target) {
        return new IllegalArgumentException(op + ": preds " + Arrays.toString(preds.shape()) + " and target "
                + Arrays.toString(target.shape()) + " do not match; expected preds of the target's shape [N, *] "
                + "(class indices) or [N, C, *] (scores)");
    }
}
