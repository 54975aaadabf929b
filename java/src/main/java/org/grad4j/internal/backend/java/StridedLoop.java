package org.grad4j.internal.backend.java;

import java.util.Arrays;

/**
 * An n-d index space over several strided operands, with adjacent dims merged where every
 * operand allows it, walked as {@code outerCount} rows of {@code inner} elements.
 */
final class StridedLoop {
    final int[] shape;
    final int[][] strides;
    final int inner;
    final int outerCount;

    private StridedLoop(int[] shape, int[][] strides) {
        this.shape = shape;
        this.strides = strides;
        this.inner = shape[shape.length - 1];
        int outer = 1;
        for (int d = 0; d < shape.length - 1; d++) {
            outer *= shape[d];
        }
        this.outerCount = outer;
    }

    /** Whether the index space is empty (some dim is 0), in which case there is nothing to walk. */
    static boolean empty(int[] shape) {
        for (int s : shape) {
            if (s == 0) {
                return true;
            }
        }
        return false;
    }

    static StridedLoop of(int[] shape, int[]... operandStrides) {
        int ops = operandStrides.length;
        int[] s = new int[Math.max(shape.length, 1)];
        int[][] st = new int[ops][Math.max(shape.length, 1)];
        int r = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 1) {
                continue;
            }
            boolean merge = r > 0;
            for (int k = 0; k < ops && merge; k++) {
                merge = st[k][r - 1] == operandStrides[k][d] * shape[d];
            }
            if (merge) {
                s[r - 1] *= shape[d];
                for (int k = 0; k < ops; k++) {
                    st[k][r - 1] = operandStrides[k][d];
                }
            } else {
                s[r] = shape[d];
                for (int k = 0; k < ops; k++) {
                    st[k][r] = operandStrides[k][d];
                }
                r++;
            }
        }
        if (r == 0) {
            s[0] = 1;
            r = 1;
        }
        int[][] stridesOut = new int[ops][];
        for (int k = 0; k < ops; k++) {
            stridesOut[k] = Arrays.copyOf(st[k], r);
        }
        return new StridedLoop(Arrays.copyOf(s, r), stridesOut);
    }

    /** Writes each operand's offset of the first element of outer row {@code row}. */
    void rowOffsets(int row, int[] base, int[] out) {
        System.arraycopy(base, 0, out, 0, out.length);
        int rem = row;
        for (int d = shape.length - 2; d >= 0; d--) {
            int i = rem % shape[d];
            rem /= shape[d];
            for (int k = 0; k < out.length; k++) {
                out[k] += i * strides[k][d];
            }
        }
    }

    /** Stride of operand k along the inner dim. */
    int innerStride(int k) {
        return strides[k][shape.length - 1];
    }
}
