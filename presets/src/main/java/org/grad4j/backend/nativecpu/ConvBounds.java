package org.grad4j.backend.nativecpu;

import org.grad4j.backend.Conv2dGeometry;
import org.grad4j.backend.Pool2dGeometry;

/** {@link Bounds} for convolution and pooling: a consistent geometry, and arrays that hold it. */
final class ConvBounds {
    private ConvBounds() {}

    /** image [N, C, H, W], weight [O, C/groups, KH, KW], output [N, O, OH, OW]. */
    static void check(
            Conv2dGeometry g,
            float[] image,
            int imageOffset,
            float[] weight,
            int weightOffset,
            float[] output,
            int outputOffset) {
        boolean ok = g.batch() >= 0
                && g.inChannels() > 0
                && g.outChannels() > 0
                && g.groups() > 0
                && g.inChannels() % g.groups() == 0
                && g.outChannels() % g.groups() == 0
                && g.inHeight() > 0
                && g.inWidth() > 0
                && g.kernelHeight() > 0
                && g.kernelWidth() > 0
                && g.strideH() > 0
                && g.strideW() > 0
                && g.padH() >= 0
                && g.padW() >= 0
                && g.dilationH() > 0
                && g.dilationW() > 0
                && g.outHeight() > 0
                && g.outWidth() > 0;
        if (!ok) {
            throw Bounds.error("conv2d", "invalid geometry " + g);
        }
        Bounds.range(
                "conv2d",
                "image",
                image,
                imageOffset,
                Bounds.count("conv2d", g.batch(), g.inChannels(), g.inHeight(), g.inWidth()));
        Bounds.range(
                "conv2d",
                "weight",
                weight,
                weightOffset,
                Bounds.count("conv2d", g.outChannels(), g.inChannelsPerGroup(), g.kernelHeight(), g.kernelWidth()));
        Bounds.range(
                "conv2d",
                "output",
                output,
                outputOffset,
                Bounds.count("conv2d", g.batch(), g.outChannels(), g.outHeight(), g.outWidth()));
    }

    /** input [N, C, H, W] from inputOffset, output [N, C, OH, OW], argmax (if not null) like output. */
    static void check(Pool2dGeometry g, float[] input, int inputOffset, float[] output, int[] argmax) {
        boolean ok = g.batch() >= 0
                && g.channels() >= 0
                && g.kernelHeight() > 0
                && g.kernelWidth() > 0
                && g.strideH() > 0
                && g.strideW() > 0
                && g.padH() >= 0
                && g.padW() >= 0
                && g.dilationH() > 0
                && g.dilationW() > 0
                && g.outHeight() > 0
                && g.outWidth() > 0;
        if (!ok) {
            throw Bounds.error("pool2d", "invalid geometry " + g);
        }
        Bounds.range(
                "pool2d",
                "input",
                input,
                inputOffset,
                Bounds.count("pool2d", g.batch(), g.channels(), g.inHeight(), g.inWidth()));
        long outputs = Bounds.count("pool2d", g.batch(), g.channels(), g.outHeight(), g.outWidth());
        Bounds.range("pool2d", "output", output, 0, outputs);
        if (argmax != null) {
            Bounds.range("pool2d", "argmax", argmax.length, 0, outputs);
        }
    }

    /** Every argmax position is -1 (empty window) or inside its input plane. */
    static void positions(Pool2dGeometry g, int[] argmax) {
        long plane = (long) g.inHeight() * g.inWidth();
        // The extremes first, in a loop without branches that the JIT vectorizes.
        int min = -1;
        int max = -1;
        for (int a : argmax) {
            min = Math.min(min, a);
            max = Math.max(max, a);
        }
        if (min < -1 || max >= plane) {
            int bad = min < -1 ? min : max;
            throw Bounds.error("maxPool2d backward", "argmax position " + bad + " outside a plane of " + plane);
        }
    }
}
