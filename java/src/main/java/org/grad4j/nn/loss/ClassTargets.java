package org.grad4j.nn.loss;

import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.trace.Tracing;
import org.grad4j.tensor.Tensor;

/**
 * Brings classification inputs to rows: [N, C] stays, [C] becomes [1, C], and [N, C, d1, ...]
 * becomes [N·d1·..., C] with its class-index target flattened to match.
 */
final class ClassTargets {
    private ClassTargets() {}

    static Tensor rows(String loss, Tensor input) {
        if (input.dim() == 0) {
            throw new IllegalArgumentException(loss + ": input needs a class dim, got a 0-d tensor");
        }
        if (input.dim() == 1) {
            return input.unsqueeze(0);
        }
        if (input.dim() == 2) {
            return input;
        }
        int[] order = new int[input.dim()];
        order[input.dim() - 1] = 1;
        for (int d = 0, k = 0; d < input.dim(); d++) {
            if (d != 1) {
                order[k++] = d;
            }
        }
        return input.permute(order).reshape(-1, input.size(1));
    }

    /** A class-index target flattened to [rows], and whether any entry is the ignoreIndex. */
    record Indices(Tensor flat, boolean anyIgnored) {}

    /**
     * The class-index target as [rows], checked against the input's shape; every entry must be a
     * whole number in [0, classes) or {@code ignoreIndex}.
     */
    static Indices indices(String loss, Tensor input, Tensor target, int ignoreIndex) {
        int[] expected = expectedIndexShape(input);
        if (!java.util.Arrays.equals(target.shape(), expected)) {
            throw new IllegalArgumentException(loss + ": class-index target must have shape " + Shapes.str(expected)
                    + " for input " + Shapes.str(input.shape()) + ", got " + Shapes.str(target.shape()));
        }
        if (Tracing.current() != null) {
            // a graph's cross-entropy checks its targets on every run; an ignoreIndex entry is refused there
            return new Indices(target.reshape(-1), false);
        }
        int classes = input.size(input.dim() == 1 ? 0 : 1);
        float[] values = target.toArray();
        boolean anyIgnored = false;
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            anyIgnored |= v == ignoreIndex;
            if (v != ignoreIndex && !(v >= 0 && v < classes && v == Math.rint(v))) {
                throw new IllegalArgumentException(loss + ": target " + v + " at flat index " + i + " is out of range:"
                        + " not a class index in [0, " + classes + ") nor the ignoreIndex " + ignoreIndex);
            }
        }
        return new Indices(target.reshape(-1), anyIgnored);
    }

    static int[] expectedIndexShape(Tensor input) {
        if (input.dim() <= 1) {
            return new int[0];
        }
        int[] shape = new int[input.dim() - 1];
        shape[0] = input.size(0);
        for (int d = 2; d < input.dim(); d++) {
            shape[d - 1] = input.size(d);
        }
        return shape;
    }

    /** Per-row losses back in the target's shape (for reduction NONE). */
    static Tensor unrows(Tensor perRow, Tensor input) {
        return perRow.reshape(expectedIndexShape(input));
    }
}
