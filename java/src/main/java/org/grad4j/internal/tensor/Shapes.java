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

    /** Number of elements of a shape (0 if any size is 0); fails on negative sizes or more than 2^31-1 elements. */
    public static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + str(shape));
            }
            n = Math.min(n * s, 1L << 32);
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + str(shape) + " has more than 2^31-1 elements");
        }
        return (int) n;
    }

    /**
     * A size computed in long arithmetic (so that it cannot wrap), as an int; an exception naming
     * the op, the quantity and its value when it is negative or above 2^31-1.
     */
    public static int size(String op, String what, long value) {
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": " + what + " is " + value + ", outside [0, 2^31-1]");
        }
        return (int) value;
    }

    /** Requires the elements of a result shape to fit a tensor, naming the op. */
    public static void checkNumel(String op, String what, int... shape) {
        long n = 1;
        for (int s : shape) {
            n = Math.min(n * s, 1L << 32);
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    op + ": " + what + " of shape " + str(shape) + " would have more than 2^31-1 elements");
        }
    }

    /**
     * How many windows of a dilated kernel fit along an axis of {@code in} padded by {@code pad} on
     * both sides, floor((in + 2·pad − dilation·(kernel − 1) − 1) / stride) + 1 as torch.nn.Conv2d
     * documents it, computed in long; 0 when none fits. The padded size must fit an int (so that
     * every index a kernel forms from these values does too), and so must the count.
     */
    public static int windows(String op, String axis, int in, int pad, int dilation, int kernel, int stride) {
        if (stride <= 0 || dilation <= 0 || kernel <= 0) {
            throw new IllegalArgumentException(op + ": " + axis + " kernel " + kernel + ", dilation " + dilation
                    + " and stride " + stride + " must be > 0");
        }
        long padded = (long) in + 2L * pad;
        if (padded < 0 || padded > Integer.MAX_VALUE) {
            size(op, "padded " + axis + " " + in + " + 2*" + pad, padded);
        }
        long n = Math.floorDiv(padded - (long) dilation * (kernel - 1) - 1, stride) + 1;
        return n <= 0 ? 0 : n <= Integer.MAX_VALUE ? (int) n : size(op, "output " + axis, n);
    }

    /**
     * Row-major strides of a contiguous tensor of this shape. In an empty tensor they are never
     * used, and are capped at 2^31-1 where the product of the other sizes exceeds an int.
     */
    public static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = (int) s;
            s = Math.min(s * Math.max(shape[i], 1), Integer.MAX_VALUE);
        }
        return strides;
    }

    /**
     * Strides that view the elements of a strided layout in another shape with as many elements,
     * or null when none exist (then only a copy has that shape). Walks the dims from the last,
     * in chunks of dims that are contiguous with each other; each chunk must be split or merged
     * into whole dims of the new shape. Size-1 dims fit anywhere. PyTorch's view does the same.
     */
    public static int[] viewStrides(int[] oldShape, int[] oldStrides, int[] newShape) {
        int[] strides = new int[newShape.length];
        long numel = 1;
        for (int s : oldShape) {
            numel *= s;
        }
        if (numel == 0 || oldShape.length == 0) {
            return contiguousStrides(newShape);
        }
        int viewDim = newShape.length - 1;
        long chunkBase = oldStrides[oldShape.length - 1];
        long oldNumel = 1;
        long viewNumel = 1;
        for (int d = oldShape.length - 1; d >= 0; d--) {
            oldNumel *= oldShape[d];
            if (d == 0 || oldShape[d - 1] != 1 && oldStrides[d - 1] != oldNumel * chunkBase) {
                while (viewDim >= 0 && (viewNumel < oldNumel || newShape[viewDim] == 1)) {
                    strides[viewDim] = (int) (viewNumel * chunkBase);
                    viewNumel *= newShape[viewDim];
                    viewDim--;
                }
                if (viewNumel != oldNumel) {
                    return null;
                }
                if (d > 0) {
                    chunkBase = oldStrides[d - 1];
                    oldNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewDim == -1 ? strides : null;
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

    /**
     * Requires a condition on an argument, with a message naming the op. The message is made before
     * the check: on a hot path, pass a constant, and throw {@link #argError} where the check fails
     * when the message must be built from values.
     */
    public static void checkArg(boolean ok, String op, String message) {
        if (!ok) {
            throw argError(op, message);
        }
    }

    /** The exception for a bad argument of an op: "op: message". */
    public static IllegalArgumentException argError(String op, String message) {
        return new IllegalArgumentException(op + ": " + message);
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

    /**
     * The strides that read a layout of {@code shape} and {@code strides} as if expanded to {@code to}
     * (0 along broadcast dims and the leading dims it lacks).
     */
    public static int[] broadcastStrides(int[] shape, int[] strides, int[] to) {
        int[] out = new int[to.length];
        int lead = to.length - shape.length;
        for (int d = 0; d < shape.length; d++) {
            out[lead + d] = shape[d] == 1 && to[lead + d] != 1 ? 0 : strides[d];
        }
        return out;
    }
}
