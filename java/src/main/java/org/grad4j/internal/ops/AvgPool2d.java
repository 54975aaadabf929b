package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.Pool2dGeometry;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * Mean over 2-D windows of x [N, C, H, W], padding counted in the divisor (PyTorch's default).
 * Backward: g shared evenly over each window.
 */
public final class AvgPool2d extends Op {
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private Pool2dGeometry geometry;

    public AvgPool2d(int[] kernel, int[] stride, int[] padding) {
        this.kernel = Shapes.pair("avgPool2d", "kernel", kernel, 1);
        this.stride = Shapes.pair("avgPool2d", "stride", stride, 1);
        this.padding = Shapes.pair("avgPool2d", "padding", padding, 0);
    }

    @Override
    public String name() {
        return "avgPool2d";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0].contiguous();
        geometry = Pool2d.geometry(name(), x, kernel, stride, padding, new int[] {1, 1});
        Tensor y = Tensor.zeros(geometry.batch(), geometry.channels(), geometry.outHeight(), geometry.outWidth());
        Kernels.backend()
                .avgPool2dForward(geometry, TensorInternals.data(x), x.storageOffset(), TensorInternals.data(y));
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        Tensor g = grad.contiguous();
        Tensor gradX = Tensor.zeros(geometry.batch(), geometry.channels(), geometry.inHeight(), geometry.inWidth());
        float[] gy = g.storageOffset() == 0 ? TensorInternals.data(g) : g.toArray();
        Kernels.backend().avgPool2dBackward(geometry, gy, TensorInternals.data(gradX));
        return new Tensor[] {gradX};
    }
}
