package org.grad4j.onnx;

import org.grad4j.tensor.Tensor;

/**
 * MaxPool's second output: for each window, the position of its maximum in the input, flattened
 * over the whole input [N, C, spatial...] (the batch and channel included, padding not), the
 * spatial dims in row-major order ({@code storage_order = 0}) or column-major ({@code = 1}); of
 * equal maxima, the first in row-major scan order. Computed on the host from the input's values,
 * so it is exact int64 data and, traced, a graph break.
 */
final class MaxPoolIndices {
    private MaxPoolIndices() {}

    /**
     * The indices for input {@code x} [N, C, spatial...] pooled to {@code outShape} by windows of
     * {@code kernel}, {@code stride} and {@code dilation} per spatial dim, after {@code begin}
     * elements of padding before each.
     */
    static long[] of(OnnxNode n, Tensor x, int[] outShape, int[] kernel, int[] stride, int[] begin, int[] dilation) {
        int spatial = kernel.length;
        int[] in = x.shape();
        long planeIn = 1;
        long planeOut = 1;
        for (int d = 0; d < spatial; d++) {
            planeIn *= in[2 + d];
            planeOut *= outShape[2 + d];
        }
        long planes = (long) in[0] * in[1];
        if (planes * planeOut > Integer.MAX_VALUE) {
            throw n.error("the Indices output of shape " + java.util.Arrays.toString(outShape) + " is too large");
        }
        boolean columnMajor = n.i("storage_order", 0) != 0;
        float[] v = x.toArray();
        long[] out = new long[(int) (planes * planeOut)];
        int[] o = new int[spatial];
        int[] k = new int[spatial];
        for (long p = 0; p < planes; p++) {
            for (int j = 0; j < planeOut; j++) {
                unravel(j, outShape, 2, o);
                java.util.Arrays.fill(k, 0);
                long best = -1;
                float max = Float.NEGATIVE_INFINITY;
                do {
                    long rowMajor = 0;
                    boolean inside = true;
                    for (int d = 0; d < spatial && inside; d++) {
                        int at = o[d] * stride[d] - begin[d] + k[d] * dilation[d];
                        inside = at >= 0 && at < in[2 + d];
                        rowMajor = rowMajor * in[2 + d] + at;
                    }
                    if (inside) {
                        float value = v[(int) (p * planeIn + rowMajor)];
                        if (best < 0 || value > max) {
                            max = value;
                            best = rowMajor;
                        }
                    }
                } while (next(k, kernel));
                long position = columnMajor ? columnMajor(best, in, spatial) : best;
                out[(int) (p * planeOut + j)] = best < 0 ? -1 : p * planeIn + position;
            }
        }
        return out;
    }

    /** The multi-index of flat index {@code j} over dims {@code from..} of {@code shape}. */
    private static void unravel(int j, int[] shape, int from, int[] into) {
        for (int d = into.length - 1; d >= 0; d--) {
            into[d] = j % shape[from + d];
            j /= shape[from + d];
        }
    }

    /** Steps {@code k} through every position of {@code kernel} in row-major order; false after the last. */
    private static boolean next(int[] k, int[] kernel) {
        for (int d = k.length - 1; d >= 0; d--) {
            if (++k[d] < kernel[d]) {
                return true;
            }
            k[d] = 0;
        }
        return false;
    }

    /** A row-major position within the spatial dims, re-flattened column-major (the first dim fastest). */
    private static long columnMajor(long rowMajor, int[] in, int spatial) {
        long r = rowMajor;
        long out = 0;
        long step = 1;
        long[] index = new long[spatial];
        for (int d = spatial - 1; d >= 0; d--) {
            index[d] = r % in[2 + d];
            r /= in[2 + d];
        }
        for (int d = 0; d < spatial; d++) {
            out += index[d] * step;
            step *= in[2 + d];
        }
        return out;
    }
}
