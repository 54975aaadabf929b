package org.grad4j.autograd;

import org.grad4j.tensor.Tensor;

/**
 * A gradient hook: sees the gradient computed for a tensor and may return a replacement
 * (or {@code null} to keep it), like {@code Tensor.register_hook} in PyTorch.
 */
@FunctionalInterface
public interface Hook {
    /**
     * Sees a gradient during backward.
     *
     * @param grad the gradient computed for the tensor
     * @return a replacement of the same shape, or null to keep {@code grad}
     */
    Tensor apply(Tensor grad);

    /** Removes a registered hook. */
    @FunctionalInterface
    interface Handle {
        /** Unregisters the hook, so later backward passes no longer call it. */
        void remove();
    }
}
