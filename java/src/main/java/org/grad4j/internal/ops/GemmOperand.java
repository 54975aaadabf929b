package org.grad4j.internal.ops;

import org.grad4j.tensor.Tensor;

/**
 * How the last two dims of a tensor reach GEMM without a copy: row-major (trans = false) or
 * column-major (trans = true) with a leading dimension; other layouts are copied first.
 */
record GemmOperand(Tensor tensor, boolean trans, int ld) {
    static GemmOperand of(Tensor t) {
        int[] shape = t.shape();
        int[] strides = t.stride();
        int r = shape.length;
        int rows = shape[r - 2];
        int cols = shape[r - 1];
        int rs = strides[r - 2];
        int cs = strides[r - 1];
        if ((cols == 1 || cs == 1) && (rows == 1 || rs >= Math.max(cols, 1))) {
            return new GemmOperand(t, false, rows == 1 ? Math.max(cols, 1) : rs);
        }
        if ((rows == 1 || rs == 1) && (cols == 1 || cs >= Math.max(rows, 1))) {
            return new GemmOperand(t, true, cols == 1 ? Math.max(rows, 1) : cs);
        }
        Tensor c = t.contiguous();
        return new GemmOperand(c, false, Math.max(cols, 1));
    }
}
