package org.grad4j.nn;

import org.grad4j.tensor.Tensor;

/**
 * tanh(x) element-wise, like {@code torch.nn.Tanh}. Shape: any; output as input.
 *
 * <pre>{@code
 * new Tanh().forward(Tensor.zeros(2));   // [0, 0]
 * }</pre>
 */
public class Tanh extends Module {
    /** A tanh layer (it has no parameters). */
    public Tanh() {}

    /**
     * Applies tanh element-wise.
     *
     * @param input any shape
     * @return the activations, in the input's shape
     */
    @Override
    public Tensor forward(Tensor input) {
        return input.tanh();
    }
}
