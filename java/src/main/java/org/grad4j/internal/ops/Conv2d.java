package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.Conv2dGeometry;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * 2-D cross-correlation of x [N, C, H, W] with w [O, C/groups, KH, KW] (bias is added by the
 * caller). Backward: the backend's backward-data and backward-weight kernels.
 */
public final class Conv2d extends Op {
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final int groups;
    private Conv2dGeometry geometry;

    public Conv2d(int[] stride, int[] padding, int[] dilation, int groups) {
        this.stride = Shapes.pair("conv2d", "stride", stride, 1);
        this.padding = Shapes.pair("conv2d", "padding", padding, 0);
        this.dilation = Shapes.pair("conv2d", "dilation", dilation, 1);
        Shapes.checkArg(groups >= 1, "conv2d", "groups must be >= 1, got " + groups);
        this.groups = groups;
    }

    @Override
    public String name() {
        return "conv2d";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0].contiguous();
        Tensor w = in[1].contiguous();
        geometry = geometry(x, w);
        ctx.saveForBackward(x, w);
        Tensor y = Tensor.zeros(geometry.batch(), geometry.outChannels(), geometry.outHeight(), geometry.outWidth());
        Kernels.backend()
                .conv2dForward(
                        geometry,
                        TensorInternals.data(x),
                        x.storageOffset(),
                        TensorInternals.data(w),
                        w.storageOffset(),
                        TensorInternals.data(y),
                        0);
        return y;
    }

    private Conv2dGeometry geometry(Tensor x, Tensor w) {
        Shapes.checkRank("conv2d", "input", x, 4, "(N, C, H, W)");
        Shapes.checkRank("conv2d", "weight", w, 4, "(O, C/groups, KH, KW)");
        int[] xs = x.shape();
        int[] ws = w.shape();
        String shapes = "input " + Shapes.str(xs) + ", weight " + Shapes.str(ws) + ", groups " + groups;
        Shapes.checkArg(
                xs[1] % groups == 0 && ws[0] % groups == 0,
                "conv2d",
                "input channels and output channels must be divisible by groups (" + shapes + ")");
        Shapes.checkArg(
                ws[1] * groups == xs[1],
                "conv2d",
                "weight expects " + ws[1] * groups + " input channels but the input has " + xs[1] + " (" + shapes
                        + ")");
        Shapes.checkArg(ws[0] > 0 && ws[2] > 0 && ws[3] > 0, "conv2d", "weight has an empty dim (" + shapes + ")");
        Shapes.checkArg(
                xs[1] > 0 && xs[2] > 0 && xs[3] > 0,
                "conv2d",
                "input channels, height and width must be > 0" + " (" + shapes + ")");
        Conv2dGeometry g = new Conv2dGeometry(
                xs[0],
                xs[1],
                xs[2],
                xs[3],
                ws[0],
                ws[2],
                ws[3],
                stride[0],
                stride[1],
                padding[0],
                padding[1],
                dilation[0],
                dilation[1],
                groups);
        Shapes.checkArg(
                g.outHeight() > 0 && g.outWidth() > 0,
                "conv2d",
                "kernel " + ws[2] + "x" + ws[3]
                        + " (dilation " + dilation[0] + "x" + dilation[1] + ") is larger than the padded input " + xs[2]
                        + "x"
                        + xs[3] + " (padding " + padding[0] + "x" + padding[1] + ")");
        return g;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        Tensor x = ctx.saved(0);
        Tensor w = ctx.saved(1);
        Tensor g = grad.contiguous();
        Tensor gradX = null;
        Tensor gradW = null;
        if (ctx.needsInputGrad(0)) {
            gradX = Tensor.zeros(x.shape());
            Kernels.backend()
                    .conv2dBackwardData(
                            geometry,
                            TensorInternals.data(g),
                            g.storageOffset(),
                            TensorInternals.data(w),
                            w.storageOffset(),
                            TensorInternals.data(gradX),
                            0);
        }
        if (ctx.needsInputGrad(1)) {
            gradW = Tensor.zeros(w.shape());
            Kernels.backend()
                    .conv2dBackwardWeight(
                            geometry,
                            TensorInternals.data(x),
                            x.storageOffset(),
                            TensorInternals.data(g),
                            g.storageOffset(),
                            TensorInternals.data(gradW),
                            0);
        }
        return new Tensor[] {gradX, gradW};
    }
}
