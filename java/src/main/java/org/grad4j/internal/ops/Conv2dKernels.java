package org.grad4j.internal.ops;

import org.grad4j.backend.Conv2dGeometry;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * conv2d's three backend kernels on contiguous tensors, each into a new tensor sized by the
 * geometry: conv2d runs them as forward, input gradient and weight gradient, conv_transpose2d (the
 * input gradient of a conv2d) with the roles swapped.
 */
final class Conv2dKernels {
    /** One of the backend's conv2d kernels: out from operands a and b. */
    @FunctionalInterface
    private interface Kernel {
        void run(Conv2dGeometry g, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset);
    }

    private Conv2dKernels() {}

    /** y [N, O, OH, OW] = conv2d(x [N, C, H, W], w [O, C/groups, KH, KW]). */
    static Tensor forward(Conv2dGeometry g, Tensor x, Tensor w) {
        Tensor y = TensorInternals.forKernelOutput(g.batch(), g.outChannels(), g.outHeight(), g.outWidth());
        return run(Kernels.backend()::conv2dForward, g, x, w, y);
    }

    /** The input gradient [N, C, H, W] of conv2d, from the output gradient gradY [N, O, OH, OW]. */
    static Tensor inputGrad(Conv2dGeometry g, Tensor gradY, Tensor w) {
        Tensor gradX = TensorInternals.forKernelOutput(g.batch(), g.inChannels(), g.inHeight(), g.inWidth());
        return run(Kernels.backend()::conv2dBackwardData, g, gradY, w, gradX);
    }

    /** The weight gradient [O, C/groups, KH, KW] of conv2d, from x and the output gradient gradY. */
    static Tensor weightGrad(Conv2dGeometry g, Tensor x, Tensor gradY) {
        Tensor gradW = TensorInternals.forKernelOutput(
                g.outChannels(), g.inChannelsPerGroup(), g.kernelHeight(), g.kernelWidth());
        return run(Kernels.backend()::conv2dBackwardWeight, g, x, gradY, gradW);
    }

    private static Tensor run(Kernel kernel, Conv2dGeometry g, Tensor a, Tensor b, Tensor out) {
        kernel.run(
                g,
                TensorInternals.data(a),
                a.storageOffset(),
                TensorInternals.data(b),
                b.storageOffset(),
                TensorInternals.data(out),
                0);
        return out;
    }
}
