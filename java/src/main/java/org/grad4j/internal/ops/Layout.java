package org.grad4j.internal.ops;

import org.grad4j.internal.tensor.Shapes;

/** A tensor shape seen as [outer, size, inner] around one dim, the layout the reduce kernels take. */
record Layout(int outer, int size, int inner) {
    /**
     * The layout around dim. outer · inner can exceed an int only in an empty tensor (dim's size
     * 0): there no element is visited, and the layout is [0, 0, 0].
     */
    static Layout around(int[] shape, int dim) {
        long outer = 1;
        long inner = 1;
        for (int d = 0; d < dim; d++) {
            outer = Math.min(outer * shape[d], 1L << 32);
        }
        for (int d = dim + 1; d < shape.length; d++) {
            inner = Math.min(inner * shape[d], 1L << 32);
        }
        if (outer > Integer.MAX_VALUE || inner > Integer.MAX_VALUE || outer * inner > Integer.MAX_VALUE) {
            return new Layout(0, 0, 0);
        }
        return new Layout((int) outer, shape[dim], (int) inner);
    }

    /** The shape with {@code dim} set to 1 (keepDim) or removed. */
    static int[] reduced(int[] shape, int dim, boolean keepDim) {
        if (keepDim) {
            int[] out = shape.clone();
            out[dim] = 1;
            return out;
        }
        int[] out = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != dim) {
                out[j++] = shape[i];
            }
        }
        return out;
    }

    static void checkNotEmpty(String op, int[] shape, int size) {
        if (size == 0) {
            throw new IllegalArgumentException(op + ": cannot reduce an empty dimension of shape " + Shapes.str(shape));
        }
    }
}
