package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.Pool2dGeometry;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/** Max over 2-D windows of x [N, C, H, W]. Backward: g routed to each window's max position. */
public final class MaxPool2d extends Op {
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private Pool2dGeometry geometry;
    private int[] argmax;

    public MaxPool2d(int[] kernel, int[] stride, int[] padding, int[] dilation) {
        this.kernel = Shapes.pair("maxPool2d", "kernel", kernel, 1);
        this.stride = Shapes.pair("maxPool2d", "stride", stride, 1);
        this.padding = Shapes.pair("maxPool2d", "padding", padding, 0);
        this.dilation = Shapes.pair("maxPool2d", "dilation", dilation, 1);
    }

    @Override
    public String name() {
        return "maxPool2d";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0].contiguous();
        geometry = Pool2d.geometry(name(), x, kernel, stride, padding, dilation);
        Tensor y = Tensor.zeros(geometry.batch(), geometry.channels(), geometry.outHeight(), geometry.outWidth());
        argmax = new int[y.numel()];
        Kernels.backend()
                .maxPool2dForward(
                        geometry, TensorInternals.data(x), x.storageOffset(), TensorInternals.data(y), argmax);
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        Tensor g = grad.contiguous();
        Tensor gradX = Tensor.zeros(geometry.batch(), geometry.channels(), geometry.inHeight(), geometry.inWidth());
        float[] gy = g.storageOffset() == 0 ? TensorInternals.data(g) : g.toArray();
        Kernels.backend().maxPool2dBackward(geometry, gy, argmax, TensorInternals.data(gradX));
        return new Tensor[] {gradX};
    }
}
