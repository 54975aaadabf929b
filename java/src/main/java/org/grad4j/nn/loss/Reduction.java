package org.grad4j.nn.loss;

import org.grad4j.tensor.Tensor;

/** How a loss combines its per-element values, as PyTorch's {@code reduction} argument. */
public enum Reduction {
    /** The mean over elements (the default). */
    MEAN,
    /** The sum over elements. */
    SUM,
    /** No reduction: one loss per element. */
    NONE;

    Tensor apply(Tensor losses) {
        return switch (this) {
            case MEAN -> losses.mean();
            case SUM -> losses.sum();
            case NONE -> losses;
        };
    }
}
