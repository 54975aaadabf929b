package org.grad4j.autograd;

import org.grad4j.tensor.Tensor;

/**
 * A gradient hook: sees the gradient computed for a tensor and may return a replacement
 * (or {@code null} to keep it), like {@code Tensor.register_hook} in PyTorch.
 */
@FunctionalInterface
public interface Hook {
    Tensor apply(Tensor grad);

    /** Removes a registered hook. */
    @FunctionalInterface
    interface Handle {
        void remove();
    }
}
