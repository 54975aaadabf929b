package org.grad4j.internal.ops;

import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/** softmax's (or logSoftmax's) input gradient along dim, from its output y and output gradient g. */
final class SoftmaxBackward extends DerivativeOp {
    private final int dim;
    private final boolean log;

    SoftmaxBackward(int dim, boolean log) {
        this.dim = dim;
        this.log = log;
    }

    @Override
    public String name() {
        return log ? "logSoftmaxBackward" : "softmaxBackward";
    }

    @Override
    public Attributes attributes() {
        return Attributes.of().with("dim", dim);
    }

    @Override
    protected Tensor compute(Tensor... in) {
        Tensor y = in[0].contiguous();
        Tensor g = in[1].contiguous();
        Shapes.checkSame(name(), y.shape(), g.shape());
        Layout layout = y.dim() == 0 ? new Layout(1, 1, 1) : Layout.around(y.shape(), Shapes.dim(name(), dim, y.dim()));
        Tensor gradX = Tensor.zeros(y.shape());
        Kernels.backend()
                .softmaxBackward(
                        log,
                        TensorInternals.data(y),
                        y.storageOffset(),
                        TensorInternals.data(g),
                        g.storageOffset(),
                        layout.outer(),
                        layout.size(),
                        layout.inner(),
                        TensorInternals.data(gradX),
                        0);
        return gradX;
    }
}
