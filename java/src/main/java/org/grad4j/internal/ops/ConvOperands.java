package org.grad4j.internal.ops;

import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * The 4-D input and weight shapes of a convolution op, checked with messages that name the op
 * and end with both shapes and the groups.
 */
final class ConvOperands {
    final int[] input;
    final int[] weight;
    private final String op;
    private final int groups;

    private ConvOperands(String op, int[] input, int[] weight, int groups) {
        this.op = op;
        this.input = input;
        this.weight = weight;
        this.groups = groups;
    }

    /** Requires x and w to be 4-D, naming their expected layouts otherwise. */
    static ConvOperands of(String op, Tensor x, String inputLayout, Tensor w, String weightLayout, int groups) {
        Shapes.checkRank(op, "input", x, 4, inputLayout);
        Shapes.checkRank(op, "weight", w, 4, weightLayout);
        return new ConvOperands(op, x.shape(), w.shape(), groups);
    }

    /** Fails with "op: problem (input [..], weight [..], groups g)" unless ok. */
    void require(boolean ok, String problem) {
        if (!ok) {
            throw failure(problem);
        }
    }

    /** "op: problem (input [..], weight [..], groups g)", for a problem whose message must be built. */
    IllegalArgumentException failure(String problem) {
        return Shapes.argError(op, problem + " (" + shapes() + ")");
    }

    /** The shapes and groups, as the messages of {@link #require} end. */
    String shapes() {
        return "input " + Shapes.str(input) + ", weight " + Shapes.str(weight) + ", groups " + groups;
    }
}
