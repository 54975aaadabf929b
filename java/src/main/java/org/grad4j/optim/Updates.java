package org.grad4j.optim;

import org.grad4j.tensor.Tensor;

/** Checks that the fused update kernels can run on a parameter and its gradient. */
final class Updates {
    private Updates() {}

    /** The gradient as a contiguous tensor (a copy only when it is a strided view). */
    static Tensor contiguous(String optimizer, Tensor p, Tensor grad) {
        if (!p.isContiguous()) {
            throw new IllegalStateException(optimizer + ": parameter of shape " + java.util.Arrays.toString(p.shape())
                    + " is not contiguous; optimizers update parameters in place");
        }
        return grad.contiguous();
    }
}
