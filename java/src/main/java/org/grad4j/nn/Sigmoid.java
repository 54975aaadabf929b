package org.grad4j.nn;

import org.grad4j.tensor.Tensor;

/**
 * 1 / (1 + exp(−x)) element-wise, like {@code torch.nn.Sigmoid}. Shape: any; output as input.
 *
 * <pre>{@code
 * new Sigmoid().forward(Tensor.zeros(2));   // [0.5, 0.5]
 * }</pre>
 */
public class Sigmoid extends Module {
    /** A sigmoid layer (it has no parameters). */
    public Sigmoid() {}

    /**
     * Applies the logistic sigmoid element-wise.
     *
     * @param input any shape
     * @return the activations, in the input's shape
     */
    @Override
    public Tensor forward(Tensor input) {
        return input.sigmoid();
    }
}
