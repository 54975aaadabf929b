package org.grad4j.nn;

import org.grad4j.tensor.Tensor;

/** max(x, 0) element-wise, like {@code torch.nn.ReLU}. Shape: any; output as input. */
public class ReLU extends Module {
    /** A ReLU layer (it has no parameters). */
    public ReLU() {}

    /**
     * Applies max(x, 0) element-wise.
     *
     * @param input any shape
     * @return the activations, in the input's shape
     */
    @Override
    public Tensor forward(Tensor input) {
        return input.relu();
    }
}
