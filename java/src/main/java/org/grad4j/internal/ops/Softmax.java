package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * softmax (or log-softmax) along a dim, computed from x − max(x) so large values do not overflow.
 * Backward from the saved output y: y·(g − Σ g·y), or g − exp(y)·Σ g for log-softmax.
 * NOTE: a fused primitive rather than the composite x − max − log Σ exp: one pass forward and one
 * backward instead of six kernels each, on the path of every classifier.
 */
public final class Softmax extends Op {
    private final int dim;
    private final boolean log;
    private Layout layout;

    public Softmax(int dim, boolean log) {
        this.dim = dim;
        this.log = log;
    }

    @Override
    public String name() {
        return log ? "logSoftmax" : "softmax";
    }

    @Override
    public Attributes attributes() {
        return Attributes.of().with("dim", dim);
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0].contiguous();
        int axis = Shapes.dim(name(), dim, Math.max(x.dim(), 1));
        layout = x.dim() == 0 ? new Layout(1, 1, 1) : Layout.around(x.shape(), axis);
        Tensor y = Tensor.zeros(x.shape());
        Kernels.backend()
                .softmax(
                        log,
                        TensorInternals.data(x),
                        x.storageOffset(),
                        layout.outer(),
                        layout.size(),
                        layout.inner(),
                        TensorInternals.data(y),
                        0);
        ctx.saveForBackward(y);
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {new SoftmaxBackward(dim, log).apply(ctx.saved(0), grad)};
    }
}
