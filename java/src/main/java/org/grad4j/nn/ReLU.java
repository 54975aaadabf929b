package org.grad4j.nn;

import org.grad4j.tensor.Tensor;

/** max(x, 0) element-wise, like {@code torch.nn.ReLU}. Shape: any; output as input. */
public class ReLU extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.relu();
    }
}
