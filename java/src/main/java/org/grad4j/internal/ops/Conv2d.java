package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.Conv2dGeometry;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * 2-D cross-correlation of x [N, C, H, W] with w [O, C/groups, KH, KW] (bias is added by the
 * caller). Backward: conv2dBackwardInput and conv2dBackwardWeight, the backend's backward-data and
 * backward-weight kernels.
 */
public final class Conv2d extends Op {
    private final ConvParams params;

    public Conv2d(int[] stride, int[] padding, int[] dilation, int groups) {
        this.params = ConvParams.of("conv2d", stride, padding, null, dilation, groups);
    }

    @Override
    public String name() {
        return "conv2d";
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
        return Conv2dKernels.forward(geometry, x, w);
    }

    private Conv2dGeometry geometry(Tensor x, Tensor w) {
        int groups = params.groups();
        ConvOperands o = ConvOperands.of("conv2d", x, "(N, C, H, W)", w, "(O, C/groups, KH, KW)", groups);
        int[] xs = o.input;
        int[] ws = o.weight;
        o.require(
                xs[1] % groups == 0 && ws[0] % groups == 0,
                "input channels and output channels must be divisible by groups");
        if ((long) ws[1] * groups != xs[1]) {
            throw o.failure("weight expects " + (long) ws[1] * groups + " input channels but the input has " + xs[1]);
        }
        o.require(ws[0] > 0 && ws[2] > 0 && ws[3] > 0, "weight has an empty dim");
        o.require(xs[1] > 0 && xs[2] > 0 && xs[3] > 0, "input channels, height and width must be > 0");
        Conv2dGeometry g = params.geometry("conv2d", xs[0], xs[1], xs[2], xs[3], ws[0], ws[2], ws[3]);
        int[] dilation = params.dilation();
        int[] padding = params.padding();
        if (g.outHeight() <= 0 || g.outWidth() <= 0) {
            throw Shapes.argError(
                    "conv2d",
                    "kernel " + ws[2] + "x" + ws[3]
                            + " (dilation " + dilation[0] + "x" + dilation[1] + ") is larger than the padded input "
                            + xs[2]
                            + "x"
                            + xs[3] + " (padding " + padding[0] + "x" + padding[1] + ")");
        }
        return g;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        Tensor x = ctx.saved(0);
        Tensor w = ctx.saved(1);
        Tensor g = grad.contiguous();
        return new Tensor[] {
            ctx.needsInputGrad(0) ? Conv2dBackward.input(params, x.shape()).apply(g, w) : null,
            ctx.needsInputGrad(1) ? Conv2dBackward.weight(params, w.shape()).apply(x, g) : null
        };
    }
}
