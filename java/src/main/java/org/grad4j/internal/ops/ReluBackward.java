package org.grad4j.internal.ops;

import org.grad4j.backend.BinaryOp;
import org.grad4j.tensor.Tensor;

/** relu's input gradient from its input x and output gradient g: g where x &gt; 0, else 0. */
final class ReluBackward extends DerivativeOp {
    @Override
    public String name() {
        return "reluBackward";
    }

    @Override
    protected Tensor compute(Tensor... in) {
        return Kernels.binary(name(), BinaryOp.RELU_BACKWARD, in[0], in[1]);
    }
}
