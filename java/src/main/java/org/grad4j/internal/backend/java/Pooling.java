package org.grad4j.internal.backend.java;

import org.grad4j.backend.Pool2dGeometry;

/** Max and average pooling over NCHW planes, the (n, c) planes split over the threads, each plane whole in one task. */
final class Pooling {
    private final Parallel parallel;

    Pooling(Parallel parallel) {
        this.parallel = parallel;
    }

    void maxForward(Pool2dGeometry g, float[] x, int xOffset, float[] y, int[] argmax) {
        int oh = g.outHeight();
        int ow = g.outWidth();
        int plane = g.inHeight() * g.inWidth();
        parallel.forRange(g.batch() * g.channels(), 4, (from, to) -> {
            for (int p = from; p < to; p++) {
                int src = xOffset + p * plane;
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        float best = Float.NEGATIVE_INFINITY;
                        int bestAt = -1;
                        for (int kh = 0; kh < g.kernelHeight(); kh++) {
                            int ih = i * g.strideH() - g.padH() + kh * g.dilationH();
                            if (ih < 0 || ih >= g.inHeight()) {
                                continue;
                            }
                            for (int kw = 0; kw < g.kernelWidth(); kw++) {
                                int iw = j * g.strideW() - g.padW() + kw * g.dilationW();
                                if (iw < 0 || iw >= g.inWidth()) {
                                    continue;
                                }
                                float v = x[src + ih * g.inWidth() + iw];
                                if (bestAt < 0 || v > best || Float.isNaN(v)) {
                                    best = v;
                                    bestAt = ih * g.inWidth() + iw;
                                    if (Float.isNaN(v)) {
                                        kh = g.kernelHeight();
                                        break;
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

    void avgForward(Pool2dGeometry g, float[] x, int xOffset, float[] y) {
        int oh = g.outHeight();
        int ow = g.outWidth();
        int plane = g.inHeight() * g.inWidth();
        float divisor = g.kernelHeight() * g.kernelWidth();
        parallel.forRange(g.batch() * g.channels(), 4, (from, to) -> {
            for (int p = from; p < to; p++) {
                int src = xOffset + p * plane;
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        float sum = 0f;
                        for (int kh = 0; kh < g.kernelHeight(); kh++) {
                            int ih = i * g.strideH() - g.padH() + kh * g.dilationH();
                            for (int kw = 0; kw < g.kernelWidth() && ih >= 0 && ih < g.inHeight(); kw++) {
                                int iw = j * g.strideW() - g.padW() + kw * g.dilationW();
                                if (iw >= 0 && iw < g.inWidth()) {
                                    sum += x[src + ih * g.inWidth() + iw];
                                }
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
        float divisor = g.kernelHeight() * g.kernelWidth();
        parallel.forRange(g.batch() * g.channels(), 4, (from, to) -> {
            java.util.Arrays.fill(gradX, from * plane, to * plane, 0f);
            for (int p = from; p < to; p++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        float share = gradY[(p * oh + i) * ow + j] / divisor;
                        for (int kh = 0; kh < g.kernelHeight(); kh++) {
                            int ih = i * g.strideH() - g.padH() + kh * g.dilationH();
                            for (int kw = 0; kw < g.kernelWidth() && ih >= 0 && ih < g.inHeight(); kw++) {
                                int iw = j * g.strideW() - g.padW() + kw * g.dilationW();
                                if (iw >= 0 && iw < g.inWidth()) {
                                    gradX[p * plane + ih * g.inWidth() + iw] += share;
                                }
                            }
                        }
                    }
                }
            }
        });
    }
}
