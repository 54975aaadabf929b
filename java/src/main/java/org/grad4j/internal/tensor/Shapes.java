package org.grad4j.internal.tensor;

import java.util.Arrays;
import org.grad4j.tensor.Tensor;

/**
 * Shape arithmetic and the one family of checks whose messages every op shares:
 * {@code "op: [2, 3] @ [4, 5]: inner dimensions 3 != 4"}.
 */
public final class Shapes {
    private Shapes() {}

    /** Renders a shape as {@code [2, 3]}. */
    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** Number of elements of a shape; fails on negative sizes or an int overflow. */
    public static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + str(shape));
            }
            n *= s;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + str(shape) + " has more than 2^31-1 elements");
            }
        }
        return (int) n;
    }

    /** Row-major strides of a contiguous tensor of this shape. */
    public static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return strides;
    }

    /** Normalises a possibly negative dim into {@code [0, rank)}, naming the op on failure. */
    public static int dim(String op, int dim, int rank) {
        int d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= rank) {
            throw new IllegalArgumentException(op + ": dim " + dim + " out of range for a tensor of rank " + rank
                    + " (expected " + (rank == 0 ? "none" : "[" + -rank + ", " + (rank - 1) + "]") + ")");
        }
        return d;
    }

    /** NumPy broadcast of two shapes, or an exception naming the op and both shapes. */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b)
                        + " cannot be broadcast (dimension " + i + ": " + da + " vs " + db + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** True when {@code from} broadcasts to exactly {@code to}. */
    public static boolean broadcastsTo(int[] from, int[] to) {
        if (from.length > to.length) {
            return false;
        }
        int lead = to.length - from.length;
        for (int i = 0; i < from.length; i++) {
            if (from[i] != 1 && from[i] != to[lead + i]) {
                return false;
            }
        }
        return true;
    }

    /** Requires a tensor rank, e.g. {@code "conv2d: input must be 4-D (N, C, H, W), got [3, 4]"}. */
    public static void checkRank(String op, String what, Tensor t, int rank, String layout) {
        if (t.dim() != rank) {
            throw new IllegalArgumentException(
                    op + ": " + what + " must be " + rank + "-D " + layout + ", got " + str(t.shape()));
        }
    }

    /** Requires two shapes to be equal. */
    public static void checkSame(String op, int[] a, int[] b) {
        if (!Arrays.equals(a, b)) {
            throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b) + " must be equal");
        }
    }

    /** Requires a condition on an argument, with a message naming the op. */
    public static void checkArg(boolean ok, String op, String message) {
        if (!ok) {
            throw new IllegalArgumentException(op + ": " + message);
        }
    }

    /** A (height, width) pair, both entries &gt;= min; a copy. */
    public static int[] pair(String op, String what, int[] value, int min) {
        if (value == null || value.length != 2) {
            throw new IllegalArgumentException(
                    op + ": " + what + " must be a (height, width) pair, got " + Arrays.toString(value));
        }
        if (value[0] < min || value[1] < min) {
            throw new IllegalArgumentException(
                    op + ": " + what + " must be >= " + min + ", got " + Arrays.toString(value));
        }
        return value.clone();
    }
}
