package org.grad4j.internal.ops;

import org.grad4j.internal.tensor.Shapes;

/** A tensor shape seen as [outer, size, inner] around one dim, the layout the reduce kernels take. */
record Layout(int outer, int size, int inner) {
    static Layout around(int[] shape, int dim) {
        int outer = 1;
        int inner = 1;
        for (int d = 0; d < dim; d++) {
            outer *= shape[d];
        }
        for (int d = dim + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        return new Layout(outer, shape[dim], inner);
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
