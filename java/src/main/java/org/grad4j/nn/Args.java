package org.grad4j.nn;

import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/** Hyper-parameter and input checks shared by the layers, with messages naming the layer. */
final class Args {
    private Args() {}

    /** A pooling padding pair: >= 0 and at most half the kernel, as PyTorch requires. */
    static int[] poolPadding(String layer, int[] padding, int[] kernelSize) {
        int[] p = Shapes.pair(layer, "padding", padding, 0);
        if (p[0] > kernelSize[0] / 2 || p[1] > kernelSize[1] / 2) {
            throw new IllegalArgumentException(layer + ": padding must be at most half the kernel size, got padding "
                    + Repr.tuple(p) + " and kernelSize " + Repr.tuple(kernelSize));
        }
        return p;
    }

    /** The pair (v, v). */
    static int[] square(int v) {
        return new int[] {v, v};
    }

    /** Requires value > 0. */
    static int positive(String layer, String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(layer + ": " + name + " must be > 0, got " + value);
        }
        return value;
    }

    /**
     * Checks an image batch [N, C, H, W] (or one image [C, H, W], given a batch dim of 1) and
     * returns it as 4-D; {@code channels} < 0 accepts any channel count.
     */
    static Tensor images(String layer, Tensor input, int channels) {
        int rank = input.dim();
        boolean ok = (rank == 3 || rank == 4) && (channels < 0 || input.size(rank - 3) == channels);
        if (!ok) {
            String c = channels < 0 ? "C" : Integer.toString(channels);
            throw new IllegalArgumentException(layer + ": expected input [N, " + c + ", H, W] or [" + c
                    + ", H, W], got " + Shapes.str(input.shape()));
        }
        return rank == 3 ? input.unsqueeze(0) : input;
    }

    /** Undoes the batch dim {@link #images} added to an unbatched input. */
    static Tensor restore(Tensor input, Tensor output) {
        return input.dim() == 3 ? output.squeeze(0) : output;
    }
}
