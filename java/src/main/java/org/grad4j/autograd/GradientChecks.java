package org.grad4j.autograd;

import java.util.Arrays;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * What the backward pass requires of the gradients that functions and hooks hand back, with
 * messages in PyTorch's terms: one gradient per input, present wherever the input needs one, of
 * the input's shape; a hook's replacement of the gradient's shape.
 */
final class GradientChecks {
    private GradientChecks() {}

    static void backwardResults(Node node, Tensor[] grads) {
        int inputs = node.inputShapes.length;
        if (grads == null) {
            throw new IllegalStateException(node + " returned null instead of " + inputs
                    + " gradient(s), one per input (null only where an input needs no gradient)");
        }
        if (grads.length != inputs) {
            throw new IllegalStateException(node + " returned an incorrect number of gradients (expected " + inputs
                    + ", one per input, got " + grads.length + ")");
        }
        for (int i = 0; i < inputs; i++) {
            int[] expected = node.inputShapes[i];
            if (expected == null) {
                continue;
            }
            if (grads[i] == null) {
                throw new IllegalStateException(node + " returned null as the gradient of input " + i + " (shape "
                        + Shapes.str(expected) + "), which requires grad; return zeros of that shape for a zero"
                        + " gradient");
            }
            if (!Arrays.equals(grads[i].shape(), expected)) {
                throw new IllegalStateException(node + " returned an invalid gradient for input " + i + ": shape "
                        + Shapes.str(grads[i].shape()) + ", expected " + Shapes.str(expected)
                        + " (the input's shape)");
            }
        }
    }

    /** {@code where} names what the hook is registered on, e.g. "the output of MulBackward". */
    static void hookResult(String where, int position, Tensor grad, Tensor replaced) {
        if (!Arrays.equals(replaced.shape(), grad.shape())) {
            throw new IllegalStateException("hook " + position + " on " + where + " returned a gradient of shape "
                    + Shapes.str(replaced.shape()) + " for a gradient of shape " + Shapes.str(grad.shape())
                    + "; a hook returns null or a tensor of the gradient's shape");
        }
    }
}
