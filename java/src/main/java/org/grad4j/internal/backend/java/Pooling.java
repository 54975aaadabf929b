package org.grad4j.internal.backend.java;

import org.grad4j.backend.Pool2dGeometry;

/**
 * Max and average pooling over NCHW planes, the (n, c) planes split over the threads, each plane
 * whole in one task. Each window is clamped to the input ({@link Taps}), so a huge kernel over a
 * small padded input costs only the taps that land inside it.
 */
final class Pooling {
    private final Parallel parallel;

    Pooling(Parallel parallel) {
        this.parallel = parallel;
    }

    /**
     * The kernel taps {@code [first, end)} of one window along one axis whose positions
     * {@code start + tap * dilation} lie in {@code [0, size)}; empty when none does.
     */
    record Taps(int first, int end) {
        static Taps of(int start, int dilation, int kernel, int size) {
            long first = start < 0 ? (-(long) start + dilation - 1) / dilation : 0;
            long end = start >= size ? 0 : Math.min(kernel, ((long) size - 1 - start) / dilation + 1);
            return new Taps((int) Math.min(first, kernel), (int) Math.max(Math.min(first, kernel), end));
        }
    }

    private static Taps rows(Pool2dGeometry g, int i) {
        return Taps.of(i * g.strideH() - g.padH(), g.dilationH(), g.kernelHeight(), g.inHeight());
    }

    private static Taps cols(Pool2dGeometry g, int j) {
        return Taps.of(j * g.strideW() - g.padW(), g.dilationW(), g.kernelWidth(), g.inWidth());
    }

    void maxForward(Pool2dGeometry g, float[] x, int xOffset, float[] y, int[] argmax) {
        int oh = g.outHeight();
        int ow = g.outWidth();
        int plane = g.inHeight() * g.inWidth();
        parallel.forRange(g.batch() * g.channels(), 4, (from, to) -> {
            for (int p = from; p < to; p++) {
                int src = xOffset + p * plane;
                for (int i = 0; i < oh; i++) {
                    Taps r = rows(g, i);
                    for (int j = 0; j < ow; j++) {
                        Taps c = cols(g, j);
                        float best = Float.NEGATIVE_INFINITY;
                        int bestAt = -1;
                        window:
                        for (int kh = r.first(); kh < r.end(); kh++) {
                            int ih = i * g.strideH() - g.padH() + kh * g.dilationH();
                            for (int kw = c.first(); kw < c.end(); kw++) {
                                int at = ih * g.inWidth() + j * g.strideW() - g.padW() + kw * g.dilationW();
                                float v = x[src + at];
                                if (bestAt < 0 || v > best || Float.isNaN(v)) {
                                    best = v;
                                    bestAt = at;
                                    if (Float.isNaN(v)) {
                                        break window;
                                    }
                                }
                            }
                        }
                        int out = (p * oh + i) * ow + j;
                        y[out] = best;
                        argmax[out] = bestAt;
                    }
                }
            }
        });
    }

    void maxBackward(Pool2dGeometry g, float[] gradY, int[] argmax, float[] gradX) {
        int outPlane = g.outHeight() * g.outWidth();
        int plane = g.inHeight() * g.inWidth();
        parallel.forRange(g.batch() * g.channels(), 4, (from, to) -> {
            java.util.Arrays.fill(gradX, from * plane, to * plane, 0f);
            for (int p = from; p < to; p++) {
                for (int o = p * outPlane; o < (p + 1) * outPlane; o++) {
                    if (argmax[o] >= 0) {
                        gradX[p * plane + argmax[o]] += gradY[o];
                    }
                }
            }
        });
    }

    /** Padding counts in the divisor (PyTorch's default), which is the whole window: kernelHeight·kernelWidth. */
    private static float divisor(Pool2dGeometry g) {
        return (float) ((long) g.kernelHeight() * g.kernelWidth());
    }

    void avgForward(Pool2dGeometry g, float[] x, int xOffset, float[] y) {
        int oh = g.outHeight();
        int ow = g.outWidth();
        int plane = g.inHeight() * g.inWidth();
        float divisor = divisor(g);
        parallel.forRange(g.batch() * g.channels(), 4, (from, to) -> {
            for (int p = from; p < to; p++) {
                int src = xOffset + p * plane;
                for (int i = 0; i < oh; i++) {
                    Taps r = rows(g, i);
                    for (int j = 0; j < ow; j++) {
                        Taps c = cols(g, j);
                        float sum = 0f;
                        for (int kh = r.first(); kh < r.end(); kh++) {
                            int ih = i * g.strideH() - g.padH() + kh * g.dilationH();
                            for (int kw = c.first(); kw < c.end(); kw++) {
                                sum += x[src + ih * g.inWidth() + j * g.strideW() - g.padW() + kw * g.dilationW()];
                            }
                        }
                        y[(p * oh + i) * ow + j] = sum / divisor;
                    }
                }
            }
        });
    }

    void avgBackward(Pool2dGeometry g, float[] gradY, float[] gradX) {
        int oh = g.outHeight();
        int ow = g.outWidth();
        int plane = g.inHeight() * g.inWidth();
        float divisor = divisor(g);
        parallel.forRange(g.batch() * g.channels(), 4, (from, to) -> {
            java.util.Arrays.fill(gradX, from * plane, to * plane, 0f);
            for (int p = from; p < to; p++) {
                for (int i = 0; i < oh; i++) {
                    Taps r = rows(g, i);
                    for (int j = 0; j < ow; j++) {
                        Taps c = cols(g, j);
                        float share = gradY[(p * oh + i) * ow + j] / divisor;
                        for (int kh = r.first(); kh < r.end(); kh++) {
                            int ih = i * g.strideH() - g.padH() + kh * g.dilationH();
                            for (int kw = c.first(); kw < c.end(); kw++) {
                                gradX[p * plane + ih * g.inWidth() + j * g.strideW() - g.padW() + kw * g.dilationW()] +=
                                        share;
                            }
                        }
                    }
                }
            }
        });
    }
}
