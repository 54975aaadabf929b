package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.Conv2dGeometry;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * Transposed 2-D convolution of x [N, C_in, H, W] with weight [C_in, C_out/groups, KH, KW] (the
 * gradient of conv2d with respect to its input, as {@code torch.nn.functional.conv_transpose2d}):
 * H_out = (H − 1)·stride − 2·padding + dilation·(KH − 1) + outputPadding + 1. Bias is added by
 * the caller. Backward: conv2d of g with the weight (for x), and conv2d's weight gradient (for w).
 */
public final class ConvTranspose2d extends Op {
    private final int[] stride;
    private final int[] padding;
    private final int[] outputPadding;
    private final int[] dilation;
    private final int groups;
    private Conv2dGeometry geometry;

    public ConvTranspose2d(int[] stride, int[] padding, int[] outputPadding, int[] dilation, int groups) {
        this.stride = Shapes.pair("convTranspose2d", "stride", stride, 1);
        this.padding = Shapes.pair("convTranspose2d", "padding", padding, 0);
        this.outputPadding = Shapes.pair("convTranspose2d", "outputPadding", outputPadding, 0);
        this.dilation = Shapes.pair("convTranspose2d", "dilation", dilation, 1);
        Shapes.checkArg(groups >= 1, "convTranspose2d", "groups must be >= 1, got " + groups);
        // PyTorch also accepts outputPadding below dilation; the kernels take the output size from
        // the conv2d geometry, whose floor division absorbs outputPadding only when it is below stride.
        for (int i = 0; i < 2; i++) {
            Shapes.checkArg(
                    outputPadding[i] < stride[i],
                    "convTranspose2d",
                    "outputPadding "
                            + java.util.Arrays.toString(outputPadding) + " must be smaller than stride "
                            + java.util.Arrays.toString(stride));
        }
        this.groups = groups;
    }

    @Override
    public String name() {
        return "convTranspose2d";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0].contiguous();
        Tensor w = in[1].contiguous();
        geometry = geometry(x, w);
        ctx.saveForBackward(x, w);
        Tensor y = Tensor.zeros(geometry.batch(), geometry.inChannels(), geometry.inHeight(), geometry.inWidth());
        Kernels.backend()
                .conv2dBackwardData(
                        geometry,
                        TensorInternals.data(x),
                        x.storageOffset(),
                        TensorInternals.data(w),
                        w.storageOffset(),
                        TensorInternals.data(y),
                        0);
        return y;
    }

    /** The geometry of the convolution whose input gradient this op computes. */
    private Conv2dGeometry geometry(Tensor x, Tensor w) {
        Shapes.checkRank("convTranspose2d", "input", x, 4, "(N, C_in, H, W)");
        Shapes.checkRank("convTranspose2d", "weight", w, 4, "(C_in, C_out/groups, KH, KW)");
        int[] xs = x.shape();
        int[] ws = w.shape();
        String shapes = "input " + Shapes.str(xs) + ", weight " + Shapes.str(ws) + ", groups " + groups;
        Shapes.checkArg(
                ws[0] == xs[1],
                "convTranspose2d",
                "weight expects " + ws[0] + " input channels but the" + " input has " + xs[1] + " (" + shapes + ")");
        Shapes.checkArg(
                xs[2] > 0 && xs[3] > 0, "convTranspose2d", "input height and width must be > 0 (" + shapes + ")");
        Shapes.checkArg(
                xs[1] % groups == 0 && ws[1] > 0 && ws[2] > 0 && ws[3] > 0,
                "convTranspose2d",
                "input channels must be divisible by groups and the weight non-empty (" + shapes + ")");
        int outH = (xs[2] - 1) * stride[0] - 2 * padding[0] + dilation[0] * (ws[2] - 1) + outputPadding[0] + 1;
        int outW = (xs[3] - 1) * stride[1] - 2 * padding[1] + dilation[1] * (ws[3] - 1) + outputPadding[1] + 1;
        Shapes.checkArg(
                outH > 0 && outW > 0,
                "convTranspose2d",
                "output size " + outH + "x" + outW + " is not positive (" + shapes + ", padding "
                        + java.util.Arrays.toString(padding) + ")");
        return new Conv2dGeometry(
                xs[0],
                ws[1] * groups,
                outH,
                outW,
                xs[1],
                ws[2],
                ws[3],
                stride[0],
                stride[1],
                padding[0],
                padding[1],
                dilation[0],
                dilation[1],
                groups);
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
                    .conv2dForward(
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
                            TensorInternals.data(g),
                            g.storageOffset(),
                            TensorInternals.data(x),
                            x.storageOffset(),
                            TensorInternals.data(gradW),
                            0);
        }
        return new Tensor[] {gradX, gradW};
    }
}
