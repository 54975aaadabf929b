package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.Pool2dGeometry;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * Mean over 2-D windows of x [N, C, H, W], padding counted in the divisor (PyTorch's default).
 * Backward: g shared evenly over each window.
 */
public final class AvgPool2d extends Op {
    private final Pool2d pool;
    private int[] inputShape;

    public AvgPool2d(int[] kernel, int[] stride, int[] padding) {
        this.pool = Pool2d.of("avgPool2d", kernel, stride, padding, null);
    }

    @Override
    public String name() {
        return "avgPool2d";
    }

    @Override
    public Attributes attributes() {
        return pool.attributes();
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0].contiguous();
        Pool2dGeometry geometry = pool.geometry(x);
        inputShape = x.shape();
        Tensor y = Pool2d.output(geometry);
        Kernels.backend()
                .avgPool2dForward(geometry, TensorInternals.data(x), x.storageOffset(), TensorInternals.data(y));
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {Pool2dBackward.avg(pool, inputShape).apply(grad)};
    }
}
