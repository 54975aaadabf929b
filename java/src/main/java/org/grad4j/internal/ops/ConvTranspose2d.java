package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.Conv2dGeometry;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * Transposed 2-D convolution of x [N, C_in, H, W] with weight [C_in, C_out/groups, KH, KW] (the
 * gradient of conv2d with respect to its input, as {@code torch.nn.functional.conv_transpose2d}):
 * H_out = (H − 1)·stride − 2·padding + dilation·(KH − 1) + outputPadding + 1. Bias is added by
 * the caller. Backward: conv2d of g with the weight (for x), and conv2d's weight gradient (for w).
 */
public final class ConvTranspose2d extends Op {
    private final ConvParams params;

    public ConvTranspose2d(int[] stride, int[] padding, int[] outputPadding, int[] dilation, int groups) {
        this.params = ConvParams.of("convTranspose2d", stride, padding, outputPadding, dilation, groups);
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
    }

    @Override
    public String name() {
        return "convTranspose2d";
    }

    @Override
    public Attributes attributes() {
        return params.attributes();
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0].contiguous();
        Tensor w = in[1].contiguous();
        Conv2dGeometry geometry = geometry(x, w);
        ctx.saveForBackward(x, w);
        return Conv2dKernels.inputGrad(geometry, x, w);
    }

    /** The geometry of the convolution whose input gradient this op computes. */
    private Conv2dGeometry geometry(Tensor x, Tensor w) {
        int groups = params.groups();
        ConvOperands o =
                ConvOperands.of("convTranspose2d", x, "(N, C_in, H, W)", w, "(C_in, C_out/groups, KH, KW)", groups);
        int[] xs = o.input;
        int[] ws = o.weight;
        int[] stride = params.stride();
        int[] padding = params.padding();
        int[] dilation = params.dilation();
        int[] outputPadding = params.outputPadding();
        if (ws[0] != xs[1]) {
            throw o.failure("weight expects " + ws[0] + " input channels but the input has " + xs[1]);
        }
        o.require(xs[2] > 0 && xs[3] > 0, "input height and width must be > 0");
        o.require(
                xs[1] % groups == 0 && ws[1] > 0 && ws[2] > 0 && ws[3] > 0,
                "input channels must be divisible by groups and the weight non-empty");
        long outH =
                (xs[2] - 1L) * stride[0] - 2L * padding[0] + (long) dilation[0] * (ws[2] - 1) + outputPadding[0] + 1;
        long outW =
                (xs[3] - 1L) * stride[1] - 2L * padding[1] + (long) dilation[1] * (ws[3] - 1) + outputPadding[1] + 1;
        if (outH <= 0 || outW <= 0) {
            throw Shapes.argError(
                    "convTranspose2d",
                    "output size " + outH + "x" + outW + " is not positive (" + o.shapes() + ", padding "
                            + java.util.Arrays.toString(padding) + ")");
        }
        int outChannels = Shapes.size("convTranspose2d", "output channels", (long) ws[1] * groups);
        int height = Shapes.size("convTranspose2d", "output height", outH);
        int width = Shapes.size("convTranspose2d", "output width", outW);
        Shapes.checkNumel("convTranspose2d", "the output", xs[0], outChannels, height, width);
        return params.geometry("convTranspose2d", xs[0], outChannels, height, width, xs[1], ws[2], ws[3]);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        Tensor x = ctx.saved(0);
        Tensor w = ctx.saved(1);
        Tensor g = grad.contiguous();
        return new Tensor[] {
            ctx.needsInputGrad(0)
                    ? new Conv2d(params.stride(), params.padding(), params.dilation(), params.groups()).apply(g, w)
                    : null,
            ctx.needsInputGrad(1) ? Conv2dBackward.weight(params, w.shape()).apply(g, x) : null
        };
    }
}
