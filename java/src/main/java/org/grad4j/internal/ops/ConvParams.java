package org.grad4j.internal.ops;

import org.grad4j.backend.Conv2dGeometry;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;

/**
 * A convolution's (height, width) stride, padding and dilation, its groups, and the output
 * padding of a transposed one (zeros for conv2d).
 */
record ConvParams(int[] stride, int[] padding, int[] outputPadding, int[] dilation, int groups) {
    /** Checks each value, naming the op; a null outputPadding (conv2d's) is not checked and stands for zeros. */
    static ConvParams of(String op, int[] stride, int[] padding, int[] outputPadding, int[] dilation, int groups) {
        int[] s = Shapes.pair(op, "stride", stride, 1);
        int[] p = Shapes.pair(op, "padding", padding, 0);
        int[] extra = outputPadding == null ? new int[2] : Shapes.pair(op, "outputPadding", outputPadding, 0);
        int[] d = Shapes.pair(op, "dilation", dilation, 1);
        if (groups < 1) {
            throw Shapes.argError(op, "groups must be >= 1, got " + groups);
        }
        return new ConvParams(s, p, extra, d, groups);
    }

    /** stride, padding, dilation, groups and, when not zeros, outputPadding. */
    Attributes attributes() {
        Attributes a = Attributes.of()
                .with("stride", stride)
                .with("padding", padding)
                .with("dilation", dilation)
                .with("groups", groups);
        return outputPadding[0] == 0 && outputPadding[1] == 0 ? a : a.with("outputPadding", outputPadding);
    }

    /**
     * The geometry of a conv2d with these parameters from an input [N, C, H, W] to O channels,
     * kernel KH × KW; fails, naming the op, when the padded input or the output [N, O, OH, OW]
     * would not fit an int.
     */
    Conv2dGeometry geometry(String op, int n, int c, int h, int w, int o, int kh, int kw) {
        int oh = Shapes.windows(op, "height", h, padding[0], dilation[0], kh, stride[0]);
        int ow = Shapes.windows(op, "width", w, padding[1], dilation[1], kw, stride[1]);
        Shapes.checkNumel(op, "the convolution's output", n, o, oh, ow);
        return new Conv2dGeometry(
                n, c, h, w, o, kh, kw, stride[0], stride[1], padding[0], padding[1], dilation[0], dilation[1], groups);
    }
}
