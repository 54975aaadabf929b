package org.grad4j.autograd;

import org.grad4j.tensor.Tensor;

/**
 * A gradient hook: sees the gradient computed for a tensor and may return a replacement
 * (or {@code null} to keep it), like {@code Tensor.register_hook} in PyTorch. A hook may keep the
 * tensor it is given or returns: no leaf's {@code grad} shares its storage.
 */
@FunctionalInterface
public interface Hook {
    /**
     * Sees a gradient during backward.
     *
     * @param grad the gradient computed for the tensor
     * @return a replacement of the same shape, or null to keep {@code grad}; another shape fails the
     *     backward pass with an {@link IllegalStateException} naming the hook and both shapes
     */
    Tensor apply(Tensor grad);

    /** Removes a registered hook. */
    @FunctionalInterface
    interface Handle {
        /**
         * Unregisters the hook, so later backward passes no longer call it; a pass already running its
         * hooks still calls it. A second call does nothing.
         */
        void remove();
    }
}
