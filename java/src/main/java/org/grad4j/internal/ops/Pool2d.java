package org.grad4j.internal.ops;

import org.grad4j.backend.Pool2dGeometry;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/** Argument checks shared by the pooling and convolution ops. */
final class Pool2d {
    private Pool2d() {}

    static Pool2dGeometry geometry(String op, Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        Shapes.checkRank(op, "input", x, 4, "(N, C, H, W)");
        for (int i = 0; i < 2; i++) {
            if (padding[i] > kernel[i] / 2) {
                throw new IllegalArgumentException(op + ": padding " + java.util.Arrays.toString(padding)
                        + " must be at most half the kernel " + java.util.Arrays.toString(kernel));
            }
        }
        int[] s = x.shape();
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
        if (g.outHeight() <= 0 || g.outWidth() <= 0) {
            throw new IllegalArgumentException(op + ": kernel " + java.util.Arrays.toString(kernel)
                    + " is larger than the padded input of shape " + Shapes.str(s));
        }
        return g;
    }
}
