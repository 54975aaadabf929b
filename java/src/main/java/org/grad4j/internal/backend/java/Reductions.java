package org.grad4j.internal.backend.java;

import org.grad4j.backend.ReduceOp;

/** Reductions over the middle axis of [outer, size, inner], and gather / scatter-add along it. */
final class Reductions {
    private static final int GRAIN = 1 << 15;
    private final Parallel parallel;

    Reductions(Parallel parallel) {
        this.parallel = parallel;
    }

    void reduce(ReduceOp op, float[] x, int xOffset, int outer, int size, int inner, float[] out, int outOffset) {
        int work = Math.max(1, size * inner);
        parallel.forRange(outer, Math.max(1, GRAIN / work), (from, to) -> {
            for (int o = from; o < to; o++) {
                int base = xOffset + o * size * inner;
                int dst = outOffset + o * inner;
                if (inner == 1) {
                    out[dst] = reduceRow(op, x, base, size);
                } else {
                    reducePlanes(op, x, base, size, inner, out, dst);
                }
            }
        });
    }

    /**
     * A row's sum in double, as eight partial sums of every eighth element added pairwise at the end
     * (the native library's row_sum): independent adds rather than one chain of dependent ones.
     */
    static double rowSum(float[] x, int base, int size) {
        double[] part = new double[8];
        for (int i = 0; i < size; i++) {
            part[i & 7] += x[base + i];
        }
        return ((part[0] + part[1]) + (part[2] + part[3])) + ((part[4] + part[5]) + (part[6] + part[7]));
    }

    private static float reduceRow(ReduceOp op, float[] x, int base, int size) {
        if (op == ReduceOp.SUM) {
            return (float) rowSum(x, base, size);
        }
        boolean max = op == ReduceOp.MAX || op == ReduceOp.ARGMAX;
        int bestIndex = 0;
        float best = x[base];
        for (int i = 1; i < size && !Float.isNaN(best); i++) {
            float v = x[base + i];
            if (Float.isNaN(v) || (max ? v > best : v < best)) {
                best = v;
                bestIndex = i;
            }
        }
        return op == ReduceOp.MAX || op == ReduceOp.MIN ? best : bestIndex;
    }

    private static void reducePlanes(ReduceOp op, float[] x, int base, int size, int inner, float[] out, int dst) {
        if (op == ReduceOp.SUM) {
            for (int j = 0; j < inner; j++) {
                out[dst + j] = 0f;
            }
            for (int i = 0; i < size; i++) {
                int row = base + i * inner;
                for (int j = 0; j < inner; j++) {
                    out[dst + j] += x[row + j];
                }
            }
            return;
        }
        for (int j = 0; j < inner; j++) {
            int bestIndex = 0;
            float best = x[base + j];
            for (int i = 1; i < size && !Float.isNaN(best); i++) {
                float v = x[base + i * inner + j];
                boolean better = op == ReduceOp.MAX || op == ReduceOp.ARGMAX ? v > best : v < best;
                if (Float.isNaN(v) || better) {
                    best = v;
                    bestIndex = i;
                }
            }
            out[dst + j] = op == ReduceOp.MAX || op == ReduceOp.MIN ? best : bestIndex;
        }
    }

    void gather(
            float[] x,
            int xOffset,
            int outer,
            int size,
            int inner,
            int[] index,
            int count,
            boolean indexPerRow,
            float[] out) {
        for (int o = 0; o < outer; o++) {
            for (int c = 0; c < count; c++) {
                int dst = (o * count + c) * inner;
                for (int j = 0; j < inner; j++) {
                    int idx = indexPerRow ? index[dst + j] : index[c];
                    out[dst + j] = x[xOffset + (o * size + idx) * inner + j];
                }
            }
        }
    }

    void scatterAdd(
            float[] src,
            int srcOffset,
            int outer,
            int size,
            int inner,
            int[] index,
            int count,
            boolean indexPerRow,
            float[] dst) {
        for (int o = 0; o < outer; o++) {
            for (int c = 0; c < count; c++) {
                int s = (o * count + c) * inner;
                for (int j = 0; j < inner; j++) {
                    int idx = indexPerRow ? index[s + j] : index[c];
                    dst[(o * size + idx) * inner + j] += src[srcOffset + s + j];
                }
            }
        }
    }
}
