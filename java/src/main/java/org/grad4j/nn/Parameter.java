package org.grad4j.nn;

import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * A tensor that is a module's learnable weight, like {@code torch.nn.Parameter}: a leaf that
 * requires grad (unless told otherwise) and is found by {@link Module#parameters()}.
 *
 * <pre>{@code
 * Parameter w = new Parameter(Tensor.randn(3, 4));
 * w.requiresGrad();   // true
 * }</pre>
 */
public class Parameter extends Tensor {
    /**
     * Wraps {@code data}'s values (shared, not copied, when contiguous) as a parameter that requires
     * grad, as {@code torch.nn.Parameter(data)}.
     *
     * @param data the initial values
     */
    public Parameter(Tensor data) {
        this(data, true);
    }

    /**
     * Wraps {@code data}'s values (shared, not copied, when contiguous) as a parameter, as
     * {@code torch.nn.Parameter(data, requires_grad)}.
     *
     * @param data the initial values
     * @param requiresGrad whether the parameter is learned
     */
    public Parameter(Tensor data, boolean requiresGrad) {
        super(data.contiguous());
        requiresGrad(requiresGrad);
        TensorInternals.storage(this).escape();
    }
}
