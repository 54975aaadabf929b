package org.grad4j.onnx;

import java.util.function.LongBinaryOperator;

/** Integer arithmetic on exact values with ONNX's (numpy's) broadcasting, for folded shape arithmetic. */
final class Exact {
    private Exact() {}

    static int[] broadcast(OnnxNode node, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw node.error("shapes " + java.util.Arrays.toString(a) + " and " + java.util.Arrays.toString(b)
                        + " do not broadcast");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    static Value binary(OnnxNode node, OnnxType type, Value a, Value b, LongBinaryOperator op) {
        int[] shape = broadcast(node, a.shape, b.shape);
        long[] x = a.longs();
        long[] y = b.longs();
        long[] out = new long[ElementwiseOps.numel(shape)];
        for (int i = 0; i < out.length; i++) {
            out[i] = op.applyAsLong(x[index(i, shape, a.shape)], y[index(i, shape, b.shape)]);
        }
        return Value.exact(type, out, shape);
    }

    /** The index into a broadcast operand of element i of the result. */
    static int index(int i, int[] shape, int[] operand) {
        int idx = 0;
        int stride = 1;
        for (int d = shape.length - 1, od = operand.length - 1; d >= 0; d--, od--) {
            int coord = i % shape[d];
            i /= shape[d];
            if (od >= 0) {
                if (operand[od] != 1) {
                    idx += coord * stride;
                }
                stride *= operand[od];
            }
        }
        return idx;
    }
}
