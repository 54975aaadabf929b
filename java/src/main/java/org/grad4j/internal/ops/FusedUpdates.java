package org.grad4j.internal.ops;

import org.grad4j.backend.Backend;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * The optimizers' fused updates: one kernel call per parameter writes the parameter and its state
 * buffers in place, and every tensor written has its version bumped here, as an in-place method
 * would.
 */
public final class FusedUpdates {
    private FusedUpdates() {}

    /** One SGD step of p (see {@link Backend#sgdStep}); {@code momentumBuffer} is null without momentum. */
    public static void sgd(
            String optimizer,
            Tensor p,
            Tensor grad,
            Tensor momentumBuffer,
            float lr,
            float momentum,
            float dampening,
            float weightDecay,
            boolean nesterov,
            boolean firstStep) {
        Tensor g = contiguousGrad(optimizer, p, grad);
        Backend.current()
                .sgdStep(
                        TensorInternals.data(p),
                        p.storageOffset(),
                        TensorInternals.data(g),
                        g.storageOffset(),
                        momentumBuffer == null ? null : TensorInternals.data(momentumBuffer),
                        p.numel(),
                        lr,
                        momentum,
                        dampening,
                        weightDecay,
                        nesterov,
                        firstStep);
        written(p, momentumBuffer);
    }

    /** One Adam (or, {@code decoupled}, AdamW) step of p at step t (see {@link Backend#adamStep}). */
    public static void adam(
            String optimizer,
            Tensor p,
            Tensor grad,
            Tensor m,
            Tensor v,
            float lr,
            float beta1,
            float beta2,
            float eps,
            float weightDecay,
            int step,
            boolean decoupled) {
        Tensor g = contiguousGrad(optimizer, p, grad);
        Backend.current()
                .adamStep(
                        TensorInternals.data(p),
                        p.storageOffset(),
                        TensorInternals.data(g),
                        g.storageOffset(),
                        TensorInternals.data(m),
                        TensorInternals.data(v),
                        p.numel(),
                        lr,
                        beta1,
                        beta2,
                        eps,
                        weightDecay,
                        step,
                        decoupled);
        written(p, m, v);
    }

    /** The gradient as a contiguous tensor (a copy only when it is a strided view). */
    private static Tensor contiguousGrad(String optimizer, Tensor p, Tensor grad) {
        if (!p.isContiguous()) {
            throw new IllegalStateException(optimizer + ": parameter of shape " + Shapes.str(p.shape())
                    + " is not contiguous; optimizers update parameters in place");
        }
        return grad.contiguous();
    }

    private static void written(Tensor... tensors) {
        for (Tensor t : tensors) {
            if (t != null) {
                TensorInternals.storage(t).bumpVersion();
            }
        }
    }
}
