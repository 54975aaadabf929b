package org.grad4j.internal.backend.java;

import org.grad4j.backend.UnaryOp;

/** Fused kernels: bias + activation, softmax and cross-entropy, one-pass optimizer updates. */
final class Fused {
    private static final int GRAIN = 1 << 14;
    private final Parallel parallel;

    Fused(Parallel parallel) {
        this.parallel = parallel;
    }

    void biasActivation(
            UnaryOp act,
            float alpha,
            float[] x,
            int xOffset,
            float[] bias,
            int biasOffset,
            int rows,
            int cols,
            float[] y,
            int yOffset) {
        parallel.forRange(rows, Math.max(1, GRAIN / Math.max(cols, 1)), (from, to) -> {
            for (int r = from; r < to; r++) {
                int src = xOffset + r * cols;
                int dst = yOffset + r * cols;
                for (int j = 0; j < cols; j++) {
                    y[dst + j] = x[src + j] + bias[biasOffset + j];
                }
                if (act != null) {
                    Elementwise.unaryRange(act, alpha, 0f, y, dst, y, dst, 0, cols);
                }
            }
        });
    }

    void softmax(boolean log, float[] x, int xOffset, int outer, int size, int inner, float[] y, int yOffset) {
        parallel.forRange(outer * inner, Math.max(1, GRAIN / Math.max(size, 1)), (from, to) -> {
            for (int line = from; line < to; line++) {
                int base = (line / inner) * size * inner + line % inner;
                float max = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < size; i++) {
                    max = Math.max(max, x[xOffset + base + i * inner]);
                }
                double sum = 0;
                for (int i = 0; i < size; i++) {
                    sum += Math.exp(x[xOffset + base + i * inner] - max);
                }
                float logSum = (float) Math.log(sum);
                for (int i = 0; i < size; i++) {
                    float shifted = x[xOffset + base + i * inner] - max;
                    y[yOffset + base + i * inner] = log ? shifted - logSum : (float) (Math.exp(shifted) / sum);
                }
            }
        });
    }

    void softmaxBackward(
            boolean log,
            float[] y,
            int yOffset,
            float[] g,
            int gOffset,
            int outer,
            int size,
            int inner,
            float[] gx,
            int gxOffset) {
        parallel.forRange(outer * inner, Math.max(1, GRAIN / Math.max(size, 1)), (from, to) -> {
            for (int line = from; line < to; line++) {
                int base = (line / inner) * size * inner + line % inner;
                double dot = 0;
                for (int i = 0; i < size; i++) {
                    int at = base + i * inner;
                    dot += log ? g[gOffset + at] : (double) g[gOffset + at] * y[yOffset + at];
                }
                for (int i = 0; i < size; i++) {
                    int at = base + i * inner;
                    gx[gxOffset + at] = log
                            ? (float) (g[gOffset + at] - Math.exp(y[yOffset + at]) * dot)
                            : (float) (y[yOffset + at] * (g[gOffset + at] - dot));
                }
            }
        });
    }

    void crossEntropy(float[] x, int xOffset, int rows, int classes, int[] targets, float[] loss, float[] logSumExp) {
        parallel.forRange(rows, Math.max(1, GRAIN / Math.max(classes, 1)), (from, to) -> {
            for (int r = from; r < to; r++) {
                int base = xOffset + r * classes;
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < classes; j++) {
                    max = Math.max(max, x[base + j]);
                }
                double sum = 0;
                for (int j = 0; j < classes; j++) {
                    sum += Math.exp(x[base + j] - max);
                }
                float lse = (float) (max + Math.log(sum));
                logSumExp[r] = lse;
                loss[r] = lse - x[base + targets[r]];
            }
        });
    }

    void crossEntropyBackward(
            float[] x,
            int xOffset,
            int rows,
            int classes,
            int[] targets,
            float[] logSumExp,
            float[] gradLoss,
            float[] gradX) {
        parallel.forRange(rows, Math.max(1, GRAIN / Math.max(classes, 1)), (from, to) -> {
            for (int r = from; r < to; r++) {
                int base = r * classes;
                float g = gradLoss[r];
                for (int j = 0; j < classes; j++) {
                    gradX[base + j] = g * (float) Math.exp(x[xOffset + base + j] - logSumExp[r]);
                }
                gradX[base + targets[r]] -= g;
            }
        });
    }

    void sgdStep(
            float[] p,
            int pOffset,
            float[] g,
            int gOffset,
            float[] buf,
            int n,
            float lr,
            float momentum,
            float dampening,
            float weightDecay,
            boolean nesterov,
            boolean firstStep) {
        parallel.forRange(n, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                float d = g[gOffset + i] + weightDecay * p[pOffset + i];
                if (momentum != 0f) {
                    buf[i] = flushDenormal(firstStep ? d : momentum * buf[i] + (1 - dampening) * d);
                    d = nesterov ? d + momentum * buf[i] : buf[i];
                }
                p[pOffset + i] -= lr * d;
            }
        });
    }

    void adamStep(
            float[] p,
            int pOffset,
            float[] g,
            int gOffset,
            float[] m,
            float[] v,
            int n,
            float lr,
            float beta1,
            float beta2,
            float eps,
            float weightDecay,
            int step,
            boolean decoupled) {
        float c1 = (float) (1 - Math.pow(beta1, step));
        float sqrtC2 = (float) Math.sqrt(1 - Math.pow(beta2, step));
        float stepSize = lr / c1;
        parallel.forRange(n, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                float param = p[pOffset + i];
                float d = g[gOffset + i];
                if (decoupled) {
                    param -= lr * weightDecay * param;
                } else {
                    d += weightDecay * param;
                }
                m[i] = flushDenormal(beta1 * m[i] + (1 - beta1) * d);
                v[i] = flushDenormal(beta2 * v[i] + (1 - beta2) * d * d);
                p[pOffset + i] = param - stepSize * m[i] / ((float) Math.sqrt(v[i]) / sqrtC2 + eps);
            }
        });
    }

    /**
     * An optimizer's moments of a parameter whose gradient stays 0 decay geometrically into the
     * denormal range, where every multiply costs the CPU a microcode assist: they are stored as 0
     * below the smallest normal float, as the native backend stores them.
     */
    private static float flushDenormal(float x) {
        return Math.abs(x) < Float.MIN_NORMAL ? 0f : x;
    }
}
