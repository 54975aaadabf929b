package org.grad4j.internal.ops;

import org.grad4j.backend.Pool2dGeometry;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * A pooling op's (height, width) kernel, stride, padding and dilation (ones for avg_pool2d), with
 * the checks and tensors its forward and backward share.
 */
record Pool2d(String op, int[] kernel, int[] stride, int[] padding, int[] dilation) {
    /** Checks each pair, naming the op; a null dilation (avg_pool2d's) is not checked and stands for ones. */
    static Pool2d of(String op, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        int[] k = Shapes.pair(op, "kernel", kernel, 1);
        int[] s = Shapes.pair(op, "stride", stride, 1);
        int[] p = Shapes.pair(op, "padding", padding, 0);
        int[] d = dilation == null ? new int[] {1, 1} : Shapes.pair(op, "dilation", dilation, 1);
        return new Pool2d(op, k, s, p, d);
    }

    /** The geometry of pooling x [N, C, H, W]: padding at most half the kernel, a window that fits. */
    Pool2dGeometry geometry(Tensor x) {
        Shapes.checkRank(op, "input", x, 4, "(N, C, H, W)");
        return geometry(x.shape());
    }

    /** The geometry of pooling an input of shape [N, C, H, W]. */
    Pool2dGeometry geometry(int[] s) {
        if (s[2] == 0 || s[3] == 0) {
            throw new IllegalArgumentException(op + ": the input of shape " + Shapes.str(s)
                    + " has an empty plane (PyTorch pools non-empty planes only)");
        }
        for (int i = 0; i < 2; i++) {
            if (padding[i] > kernel[i] / 2) {
                throw new IllegalArgumentException(op + ": padding " + java.util.Arrays.toString(padding)
                        + " must be at most half the kernel " + java.util.Arrays.toString(kernel));
            }
        }
        int oh = Shapes.windows(op, "height", s[2], padding[0], dilation[0], kernel[0], stride[0]);
        int ow = Shapes.windows(op, "width", s[3], padding[1], dilation[1], kernel[1], stride[1]);
        if (oh == 0 || ow == 0) {
            throw new IllegalArgumentException(op + ": kernel " + java.util.Arrays.toString(kernel)
                    + " is larger than the padded input of shape " + Shapes.str(s));
        }
        Shapes.checkNumel(op, "the output", s[0], s[1], oh, ow);
        Pool2dGeometry g = new Pool2dGeometry(
                s[0],
                s[1],
                s[2],
                s[3],
                kernel[0],
                kernel[1],
                stride[0],
                stride[1],
                padding[0],
                padding[1],
                dilation[0],
                dilation[1]);
        return g;
    }

    /** kernel, stride, padding and, for max_pool2d, dilation. */
    Attributes attributes() {
        Attributes a =
                Attributes.of().with("kernel", kernel).with("stride", stride).with("padding", padding);
        return op.equals("maxPool2d") ? a.with("dilation", dilation) : a;
    }

    /** The pooled output [N, C, OH, OW], for the kernel to overwrite. */
    static Tensor output(Pool2dGeometry g) {
        return TensorInternals.forKernelOutput(g.batch(), g.channels(), g.outHeight(), g.outWidth());
    }

    /** The input gradient [N, C, H, W], for the kernel to overwrite. */
    static Tensor inputGrad(Pool2dGeometry g) {
        return TensorInternals.forKernelOutput(g.batch(), g.channels(), g.inHeight(), g.inWidth());
    }

    /** The output gradient's elements in order from index 0, as the backward kernels take them. */
    static float[] gradData(Tensor grad) {
        Tensor g = grad.contiguous();
        return g.storageOffset() == 0 ? TensorInternals.data(g) : g.toArray();
    }
}
