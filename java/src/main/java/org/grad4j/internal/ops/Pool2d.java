package org.grad4j.internal.ops;

import org.grad4j.backend.Pool2dGeometry;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/** Argument checks shared by the pooling and convolution ops. */
final class Pool2d {
    private Pool2d() {}

    /** A (height, width) pair, every entry >= min. */
    static int[] pair(String op, String what, int[] value, int min) {
        if (value == null || value.length != 2) {
            throw new IllegalArgumentException(
                    op + ": " + what + " must be a (height, width) pair, got " + java.util.Arrays.toString(value));
        }
        if (value[0] < min || value[1] < min) {
            throw new IllegalArgumentException(
                    op + ": " + what + " must be >= " + min + ", got " + java.util.Arrays.toString(value));
        }
        return value.clone();
    }

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
