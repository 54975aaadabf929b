package org.grad4j.internal.backend.java;

import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.UnaryOp;

/** Element-wise kernels: copies, unary and binary functions, where. */
final class Elementwise {
    private static final int GRAIN = 1 << 15;
    private final Parallel parallel;

    Elementwise(Parallel parallel) {
        this.parallel = parallel;
    }

    void copy(int[] shape, float[] src, int srcOffset, int[] srcStrides, float[] dst, int dstOffset, int[] dstStrides) {
        if (StridedLoop.empty(shape)) {
            return;
        }
        StridedLoop loop = StridedLoop.of(shape, srcStrides, dstStrides);
        int n = loop.inner;
        int ss = loop.innerStride(0);
        int ds = loop.innerStride(1);
        int[] base = {srcOffset, dstOffset};
        parallel.forRange(loop.outerCount, Math.max(1, GRAIN / Math.max(n, 1)), (from, to) -> {
            int[] off = new int[2];
            for (int row = from; row < to; row++) {
                loop.rowOffsets(row, base, off);
                if (ss == 1 && ds == 1) {
                    System.arraycopy(src, off[0], dst, off[1], n);
                } else {
                    for (int i = 0, s = off[0], d = off[1]; i < n; i++, s += ss, d += ds) {
                        dst[d] = src[s];
                    }
                }
            }
        });
    }

    void unary(UnaryOp op, float alpha, float beta, float[] x, int xOffset, float[] y, int yOffset, int count) {
        parallel.forRange(count, GRAIN, (from, to) -> unaryRange(op, alpha, beta, x, xOffset, y, yOffset, from, to));
    }

    static void unaryRange(
            UnaryOp op, float alpha, float beta, float[] x, int xo, float[] y, int yo, int from, int to) {
        switch (op) {
            case NEG -> {
                for (int i = from; i < to; i++) y[yo + i] = -x[xo + i];
            }
            case EXP -> {
                for (int i = from; i < to; i++) y[yo + i] = (float) Math.exp(x[xo + i]);
            }
            case LOG -> {
                for (int i = from; i < to; i++) y[yo + i] = (float) Math.log(x[xo + i]);
            }
            case SQRT -> {
                for (int i = from; i < to; i++) y[yo + i] = (float) Math.sqrt(x[xo + i]);
            }
            case ABS -> {
                for (int i = from; i < to; i++) y[yo + i] = Math.abs(x[xo + i]);
            }
            case SIGN -> {
                for (int i = from; i < to; i++) y[yo + i] = Math.signum(x[xo + i]);
            }
            case TANH -> {
                for (int i = from; i < to; i++) y[yo + i] = (float) Math.tanh(x[xo + i]);
            }
            case SIGMOID -> {
                for (int i = from; i < to; i++) y[yo + i] = MathFunctions.sigmoid(x[xo + i]);
            }
            case LEAKY_RELU -> {
                for (int i = from; i < to; i++) y[yo + i] = leaky(x[xo + i], alpha);
            }
            case SOFTPLUS -> {
                for (int i = from; i < to; i++) y[yo + i] = MathFunctions.softplus(x[xo + i]);
            }
            case GELU -> {
                for (int i = from; i < to; i++) y[yo + i] = MathFunctions.gelu(x[xo + i]);
            }
            case ERF -> {
                for (int i = from; i < to; i++) y[yo + i] = (float) org.grad4j.internal.math.Erf.erf(x[xo + i]);
            }
            case FLOOR -> {
                for (int i = from; i < to; i++) y[yo + i] = (float) Math.floor(x[xo + i]);
            }
            case CEIL -> {
                for (int i = from; i < to; i++) y[yo + i] = (float) Math.ceil(x[xo + i]);
            }
            case TRUNC -> {
                for (int i = from; i < to; i++) y[yo + i] = trunc(x[xo + i]);
            }
            case ELU -> {
                for (int i = from; i < to; i++) y[yo + i] = elu(x[xo + i], alpha);
            }
            case CLAMP -> {
                for (int i = from; i < to; i++) y[yo + i] = clamp(x[xo + i], alpha, beta);
            }
            case POW -> {
                for (int i = from; i < to; i++) y[yo + i] = pow(x[xo + i], alpha);
            }
            case LEAKY_RELU_GRAD -> {
                for (int i = from; i < to; i++) y[yo + i] = x[xo + i] > 0 ? 1f : alpha;
            }
            case GELU_GRAD -> {
                for (int i = from; i < to; i++) y[yo + i] = MathFunctions.geluGrad(x[xo + i]);
            }
            case ELU_GRAD -> {
                for (int i = from; i < to; i++) y[yo + i] = eluGrad(x[xo + i], alpha);
            }
            case CLAMP_GRAD -> {
                for (int i = from; i < to; i++) y[yo + i] = x[xo + i] >= alpha && x[xo + i] <= beta ? 1f : 0f;
            }
            default -> throw new AssertionError(op);
        }
    }

    private static float leaky(float x, float slope) {
        return x > 0 ? x : x * slope;
    }

    /** Toward zero: ceil below 0, floor from −0 up, so that −0 and NaN stay as they are. */
    private static float trunc(float x) {
        return (float) (x < 0 ? Math.ceil(x) : Math.floor(x));
    }

    private static float elu(float x, float alpha) {
        return x > 0 ? x : (float) (alpha * Math.expm1(x));
    }

    private static float eluGrad(float x, float alpha) {
        return x > 0 ? 1f : (float) (alpha * Math.exp(x));
    }

    /** clamp propagating NaN, like PyTorch. */
    private static float clamp(float x, float min, float max) {
        return x < min ? min : x > max ? max : x;
    }

    private static float pow(float x, float p) {
        if (p == 2f) {
            return x * x;
        }
        return (float) Math.pow(x, p);
    }

    void binary(
            BinaryOp op,
            int[] shape,
            float[] a,
            int aOffset,
            int[] aStrides,
            float[] b,
            int bOffset,
            int[] bStrides,
            float[] out,
            int outOffset) {
        if (StridedLoop.empty(shape)) {
            return;
        }
        int[] outStrides = org.grad4j.internal.tensor.Shapes.contiguousStrides(shape);
        StridedLoop loop = StridedLoop.of(shape, aStrides, bStrides, outStrides);
        int n = loop.inner;
        int sa = loop.innerStride(0);
        int sb = loop.innerStride(1);
        int[] base = {aOffset, bOffset, outOffset};
        parallel.forRange(loop.outerCount, Math.max(1, GRAIN / Math.max(n, 1)), (from, to) -> {
            int[] off = new int[3];
            for (int row = from; row < to; row++) {
                loop.rowOffsets(row, base, off);
                binaryRow(op, n, a, off[0], sa, b, off[1], sb, out, off[2]);
            }
        });
    }

    static void binaryRow(
            BinaryOp op, int n, float[] a, int ao, int sa, float[] b, int bo, int sb, float[] out, int oo) {
        if (sa == 1 && sb == 1) {
            switch (op) {
                case ADD -> {
                    for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] + b[bo + i];
                    return;
                }
                case SUB -> {
                    for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] - b[bo + i];
                    return;
                }
                case MUL -> {
                    for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] * b[bo + i];
                    return;
                }
                case DIV -> {
                    for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] / b[bo + i];
                    return;
                }
                default -> {}
            }
        } else if (sa == 1 && sb == 0) {
            float s = b[bo];
            switch (op) {
                case ADD -> {
                    for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] + s;
                    return;
                }
                case SUB -> {
                    for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] - s;
                    return;
                }
                case MUL -> {
                    for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] * s;
                    return;
                }
                case DIV -> {
                    for (int i = 0; i < n; i++) out[oo + i] = a[ao + i] / s;
                    return;
                }
                default -> {}
            }
        }
        for (int i = 0, ia = ao, ib = bo; i < n; i++, ia += sa, ib += sb) {
            out[oo + i] = apply(op, a[ia], b[ib]);
        }
    }

    static float apply(BinaryOp op, float x, float y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case POW -> (float) Math.pow(x, y);
            case GT -> x > y ? 1f : 0f;
            case GE -> x >= y ? 1f : 0f;
            case LT -> x < y ? 1f : 0f;
            case LE -> x <= y ? 1f : 0f;
            case EQ -> x == y ? 1f : 0f;
            case NE -> x != y ? 1f : 0f;
            case RELU_BACKWARD -> x > 0 ? y : 0f;
        };
    }

    void where(
            int[] shape,
            float[] cond,
            int condOffset,
            int[] condStrides,
            float[] a,
            int aOffset,
            int[] aStrides,
            float[] b,
            int bOffset,
            int[] bStrides,
            float[] out,
            int outOffset) {
        if (StridedLoop.empty(shape)) {
            return;
        }
        int[] outStrides = org.grad4j.internal.tensor.Shapes.contiguousStrides(shape);
        StridedLoop loop = StridedLoop.of(shape, condStrides, aStrides, bStrides, outStrides);
        int n = loop.inner;
        int sc = loop.innerStride(0);
        int sa = loop.innerStride(1);
        int sb = loop.innerStride(2);
        int[] base = {condOffset, aOffset, bOffset, outOffset};
        parallel.forRange(loop.outerCount, Math.max(1, GRAIN / Math.max(n, 1)), (from, to) -> {
            int[] off = new int[4];
            for (int row = from; row < to; row++) {
                loop.rowOffsets(row, base, off);
                for (int i = 0, ic = off[0], ia = off[1], ib = off[2]; i < n; i++, ic += sc, ia += sa, ib += sb) {
                    out[off[3] + i] = cond[ic] != 0f ? a[ia] : b[ib];
                }
            }
        });
    }
}
