package org.grad4j.internal.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.grad4j.backend.Conv2dGeometry;
import org.grad4j.backend.Pool2dGeometry;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * conv2d, conv_transpose2d, max_pool2d and avg_pool2d with edge kernels, strides, paddings,
 * dilations and input sizes, against a model of the output size in long arithmetic: each call
 * gives the model's shape and values (a direct loop over input positions, so a window over a
 * huge padding costs nothing) or an IllegalArgumentException where the model says the geometry
 * is invalid or a size exceeds 2^31-1. Where running a case would allocate more than
 * {@value #RUN_LIMIT} floats, the geometry records' output sizes are checked against the model
 * instead.
 */
class GeometryPropertiesTest {
    private static final int CASES = 4_000;
    private static final long RUN_LIMIT = 1 << 16;
    private static final long INT_MAX = Integer.MAX_VALUE;

    /** One axis of a window geometry: input size, kernel, stride, padding and dilation. */
    private record Axis(int in, int kernel, int stride, int pad, int dilation) {
        /** An axis of an input of size >= 1; a kernel of at least 1 when it is a weight's size. */
        static Axis random(EdgeInts e, boolean dilated, boolean weight) {
            int in = e.chance(8) ? Math.max(1, e.size(9)) : 1 + e.random.nextInt(9);
            int kernel = weight ? Math.max(1, e.size(5)) : e.positive(5);
            // pools require padding <= kernel / 2: mostly such a padding (half of them the largest,
            // with which a huge kernel fits any input), else an edge one
            int pad = weight || e.chance(4) || kernel < 2
                    ? e.signed(3)
                    : e.random.nextBoolean() ? kernel / 2 : e.random.nextInt(kernel / 2 + 1);
            return new Axis(in, kernel, e.positive(4), pad, dilated ? e.positive(3) : 1);
        }

        boolean valid() {
            return in > 0 && kernel > 0 && stride > 0 && pad >= 0 && dilation > 0;
        }

        /** The padded size, which the kernels require to fit an int. */
        long padded() {
            return (long) in + 2L * pad;
        }

        /** The output size, floor((in + 2·pad − dilation·(kernel − 1) − 1) / stride) + 1, or 0. */
        long windows() {
            if (!valid()) {
                return 0;
            }
            return Math.max(0, Math.floorDiv(padded() - (long) dilation * (kernel - 1) - 1, stride) + 1);
        }

        /** The kernel tap that output o reads at input position i, or -1 if it reads none. */
        long tap(long o, long i) {
            long offset = i - (o * stride - pad);
            return offset >= 0 && offset % dilation == 0 && offset / dilation < kernel ? offset / dilation : -1;
        }

        @Override
        public String toString() {
            return "in " + in + " kernel " + kernel + " stride " + stride + " pad " + pad + " dilation " + dilation;
        }
    }

    private static long product(long... sizes) {
        long n = 1;
        for (long s : sizes) {
            n = Math.min(n * s, 1L << 32);
        }
        return n;
    }

    private static float[] values(EdgeInts e, long n) {
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) e.random.nextDouble(-2, 2);
        }
        return v;
    }

    private static void close(String call, double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, call);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * (1 + Math.abs(expected[i])), call + " element " + i);
        }
    }

    @Test
    void poolsOfEdgeGeometries() {
        PropertyCases.check("pool geometries", CASES, seed -> {
            EdgeInts e = new EdgeInts(seed);
            boolean max = e.random.nextBoolean();
            Axis h = Axis.random(e, max, false);
            Axis w = Axis.random(e, max, false);
            int planes = 1 + e.random.nextInt(3);
            String call =
                    (max ? "maxPool2d" : "avgPool2d") + " over " + planes + " planes, height " + h + ", width " + w;
            boolean valid = h.valid() && w.valid() && h.pad <= h.kernel / 2 && w.pad <= w.kernel / 2;
            boolean fits = h.padded() <= INT_MAX && w.padded() <= INT_MAX;
            long oh = h.windows();
            long ow = w.windows();
            boolean ok = valid && fits && oh > 0 && ow > 0 && product(planes, oh, ow) <= INT_MAX;
            long in = product(planes, h.in, w.in);
            if (in > RUN_LIMIT || product(planes, oh, ow) > RUN_LIMIT) {
                if (valid) {
                    Pool2dGeometry g = new Pool2dGeometry(
                            1,
                            planes,
                            h.in,
                            w.in,
                            h.kernel,
                            w.kernel,
                            h.stride,
                            w.stride,
                            h.pad,
                            w.pad,
                            h.dilation,
                            w.dilation);
                    geometryMatches(call, fits, oh, ow, g::outHeight, g::outWidth);
                }
                PropertyCases.outcome(valid ? "geometry record only" : "skipped");
                return;
            }
            Tensor x = Tensor.of(values(e, in), 1, planes, h.in, w.in).requiresGrad(true);
            int[] k = {h.kernel, w.kernel};
            int[] s = {h.stride, w.stride};
            int[] p = {h.pad, w.pad};
            int[] d = {h.dilation, w.dilation};
            java.util.function.Supplier<Tensor> pool = () -> max ? x.maxPool2d(k, s, p, d) : x.avgPool2d(k, s, p);
            if (!ok) {
                assertThrows(IllegalArgumentException.class, pool::get, call);
                PropertyCases.outcome("rejected");
                return;
            }
            PropertyCases.outcome("ran, values and gradient compared");
            Tensor y = pool.get();
            assertArrayEquals(new int[] {1, planes, (int) oh, (int) ow}, y.shape(), call);
            y.sum().backward();
            float[] xv = x.detach().toArray();
            double[] expected = new double[(int) product(planes, oh, ow)];
            double[] grad = new double[xv.length];
            double windowSize = (double) h.kernel * w.kernel;
            for (int c = 0, o = 0; c < planes; c++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++, o++) {
                        double best = Double.NEGATIVE_INFINITY;
                        double sum = 0;
                        int at = -1;
                        for (int r = 0; r < h.in; r++) {
                            for (int q = 0; q < w.in && h.tap(i, r) >= 0; q++) {
                                if (w.tap(j, q) >= 0) {
                                    int idx = (c * h.in + r) * w.in + q;
                                    sum += xv[idx];
                                    grad[idx] += max ? 0 : 1 / windowSize;
                                    if (xv[idx] > best) {
                                        best = xv[idx];
                                        at = idx;
                                    }
                                }
                            }
                        }
                        expected[o] = max ? best : sum / windowSize;
                        if (max && at >= 0) {
                            grad[at] += 1;
                        }
                    }
                }
            }
            close(call, expected, y.toArray());
            close(call + " gradient", grad, x.grad().toArray());
        });
    }

    @Test
    void convolutionsOfEdgeGeometries() {
        PropertyCases.check("convolution geometries", CASES, seed -> {
            EdgeInts e = new EdgeInts(seed);
            boolean transposed = e.random.nextBoolean();
            Axis h = Axis.random(e, true, true);
            Axis w = Axis.random(e, true, true);
            int c = 1 + e.random.nextInt(2);
            int o = 1 + e.random.nextInt(2);
            int[] extra = {e.random.nextInt(3), e.random.nextInt(3)};
            String call = (transposed ? "convTranspose2d" : "conv2d") + " " + c + " -> " + o + " channels, height " + h
                    + ", width " + w + (transposed ? ", outputPadding " + Arrays.toString(extra) : "");
            boolean valid = h.valid() && w.valid();
            long weight = product(c, o, h.kernel, w.kernel);
            if (transposed) {
                transposed(call, e, h, w, c, o, extra, valid, weight);
                return;
            }
            boolean fits = h.padded() <= INT_MAX && w.padded() <= INT_MAX;
            long oh = h.windows();
            long ow = w.windows();
            boolean ok = valid && fits && oh > 0 && ow > 0 && product(o, oh, ow) <= INT_MAX;
            long columns = product(c, h.kernel, w.kernel, oh, ow);
            if (weight > RUN_LIMIT
                    || product(c, h.in, w.in) > RUN_LIMIT
                    || product(o, oh, ow) > RUN_LIMIT
                    || ok && columns > RUN_LIMIT) {
                if (valid) {
                    Conv2dGeometry g = new Conv2dGeometry(
                            1,
                            c,
                            h.in,
                            w.in,
                            o,
                            h.kernel,
                            w.kernel,
                            h.stride,
                            w.stride,
                            h.pad,
                            w.pad,
                            h.dilation,
                            w.dilation,
                            1);
                    geometryMatches(call, fits, oh, ow, g::outHeight, g::outWidth);
                }
                PropertyCases.outcome(valid ? "conv2d: geometry record only" : "conv2d: skipped");
                return;
            }
            Tensor x = Tensor.of(values(e, product(c, h.in, w.in)), 1, c, h.in, w.in);
            Tensor k = Tensor.of(values(e, weight), o, c, h.kernel, w.kernel);
            int[] s = {h.stride, w.stride};
            int[] p = {h.pad, w.pad};
            int[] d = {h.dilation, w.dilation};
            if (!ok) {
                assertThrows(IllegalArgumentException.class, () -> x.conv2d(k, null, s, p, d, 1), call);
                PropertyCases.outcome("conv2d: rejected");
                return;
            }
            PropertyCases.outcome("conv2d: ran, values compared");
            Tensor y = x.conv2d(k, null, s, p, d, 1);
            assertArrayEquals(new int[] {1, o, (int) oh, (int) ow}, y.shape(), call);
            float[] xv = x.toArray();
            float[] kv = k.toArray();
            double[] expected = new double[(int) product(o, oh, ow)];
            for (int m = 0; m < o; m++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double sum = 0;
                        for (int ch = 0; ch < c; ch++) {
                            for (int r = 0; r < h.in; r++) {
                                long a = h.tap(i, r);
                                for (int q = 0; q < w.in && a >= 0; q++) {
                                    long b = w.tap(j, q);
                                    if (b >= 0) {
                                        sum += xv[(ch * h.in + r) * w.in + q]
                                                * kv[(int) (((m * c + ch) * h.kernel + a) * w.kernel + b)];
                                    }
                                }
                            }
                        }
                        expected[(m * (int) oh + i) * (int) ow + j] = sum;
                    }
                }
            }
            close(call, expected, y.toArray());
        });
    }

    /**
     * conv_transpose2d: H_out = (H − 1)·stride − 2·pad + dilation·(K − 1) + outputPadding + 1, with
     * outputPadding below stride; its output, padded, must fit an int as conv2d's input does.
     */
    private static void transposed(
            String call, EdgeInts e, Axis h, Axis w, int c, int o, int[] extra, boolean valid, long weight) {
        long oh = (h.in - 1L) * h.stride - 2L * h.pad + (long) h.dilation * (h.kernel - 1) + extra[0] + 1;
        long ow = (w.in - 1L) * w.stride - 2L * w.pad + (long) w.dilation * (w.kernel - 1) + extra[1] + 1;
        boolean ok = valid
                && extra[0] < h.stride
                && extra[1] < w.stride
                && oh > 0
                && ow > 0
                && oh + 2L * h.pad <= INT_MAX
                && ow + 2L * w.pad <= INT_MAX
                && product(o, oh, ow) <= INT_MAX;
        if (weight > RUN_LIMIT
                || product(c, h.in, w.in) > RUN_LIMIT
                || ok && product(o, oh, ow) > RUN_LIMIT
                || ok && product(o, h.kernel, w.kernel, h.in, w.in) > RUN_LIMIT) {
            PropertyCases.outcome("convTranspose2d: too large to run");
            return;
        }
        Tensor x = Tensor.of(values(e, product(c, h.in, w.in)), 1, c, h.in, w.in);
        Tensor k = Tensor.of(values(e, weight), c, o, h.kernel, w.kernel);
        int[] s = {h.stride, w.stride};
        int[] p = {h.pad, w.pad};
        int[] d = {h.dilation, w.dilation};
        if (!ok) {
            assertThrows(IllegalArgumentException.class, () -> x.convTranspose2d(k, null, s, p, extra, d, 1), call);
            PropertyCases.outcome("convTranspose2d: rejected");
            return;
        }
        PropertyCases.outcome("convTranspose2d: ran, values compared");
        Tensor y = x.convTranspose2d(k, null, s, p, extra, d, 1);
        assertArrayEquals(new int[] {1, o, (int) oh, (int) ow}, y.shape(), call);
        float[] xv = x.toArray();
        float[] kv = k.toArray();
        double[] expected = new double[(int) product(o, oh, ow)];
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < h.in; i++) {
                for (int j = 0; j < w.in; j++) {
                    for (int a = 0; a < h.kernel; a++) {
                        long r = (long) i * h.stride - h.pad + (long) a * h.dilation;
                        for (int b = 0; b < w.kernel && r >= 0 && r < oh; b++) {
                            long q = (long) j * w.stride - w.pad + (long) b * w.dilation;
                            for (int m = 0; m < o && q >= 0 && q < ow; m++) {
                                expected[(int) ((m * oh + r) * ow + q)] += xv[(ch * h.in + i) * w.in + j]
                                        * kv[((ch * o + m) * h.kernel + a) * w.kernel + b];
                            }
                        }
                    }
                }
            }
        }
        close(call, expected, y.toArray());
    }

    /**
     * A geometry record's output sizes are the model's, or an IllegalArgumentException where the
     * padded input does not fit.
     */
    private static void geometryMatches(
            String call,
            boolean fits,
            long oh,
            long ow,
            java.util.function.IntSupplier height,
            java.util.function.IntSupplier width) {
        if (!fits || oh > INT_MAX || ow > INT_MAX) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> {
                        height.getAsInt();
                        width.getAsInt();
                    },
                    call);
        } else {
            assertEquals(oh, height.getAsInt(), call);
            assertEquals(ow, width.getAsInt(), call);
        }
    }
}
