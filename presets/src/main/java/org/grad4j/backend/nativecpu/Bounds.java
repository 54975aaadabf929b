package org.grad4j.backend.nativecpu;

import java.util.Arrays;

/**
 * Checks, before a native call, that every element a kernel will touch lies inside its array.
 * The ops validate shapes already; this guards the backend's public methods, so that a wrong
 * call from anywhere is an exception and never a crashed JVM. Each check is O(rank), except
 * {@link #indices}, which reads every index.
 */
final class Bounds {
    private Bounds() {}

    static IllegalArgumentException error(String kernel, String what) {
        return new IllegalArgumentException("native " + kernel + ": " + what);
    }

    /** [offset, offset + count) must lie in an array of the given length; an empty range needs nothing. */
    static void range(String kernel, String name, int length, long offset, long count) {
        if (count < 0 || count > 0 && (offset < 0 || offset + count > length)) {
            throw error(
                    kernel,
                    name + " needs elements [" + offset + ", " + (offset + count) + ") of an array of " + length);
        }
    }

    static void range(String kernel, String name, float[] array, long offset, long count) {
        range(kernel, name, notNull(kernel, name, array).length, offset, count);
    }

    static <T> T notNull(String kernel, String name, T value) {
        if (value == null) {
            throw error(kernel, name + " is null");
        }
        return value;
    }

    /** An n-d strided layout from offset must lie in the array; strides must be >= 0. */
    static void strided(String kernel, String name, float[] array, int offset, int[] shape, int[] strides) {
        if (array == null || strides == null || strides.length != shape.length) {
            throw error(
                    kernel,
                    name + ": array or strides missing, or strides " + Arrays.toString(strides) + " do not match shape "
                            + Arrays.toString(shape));
        }
        long last = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 0) {
                return;
            }
            if (strides[d] < 0) {
                throw error(kernel, name + " has a negative stride in " + Arrays.toString(strides));
            }
            // capped: any extent past 2^40 fails the range check, and the cap keeps the sum from wrapping
            last = Math.min(last + (long) (shape[d] - 1) * strides[d], 1L << 40);
        }
        range(kernel, name, array, offset, last + 1);
    }

    static void shape(String kernel, int[] shape) {
        if (shape == null || shape.length > 16) {
            throw error(kernel, "rank must be at most 16, got " + (shape == null ? "null" : shape.length));
        }
        for (int s : shape) {
            if (s < 0) {
                throw error(kernel, "negative size in shape " + Arrays.toString(shape));
            }
        }
    }

    /**
     * The exact product of sizes, each of which must be >= 0; a product above 2^31-1 (more than
     * any array holds) is an exception naming the kernel, never a wrapped count.
     */
    static long count(String kernel, long... sizes) {
        long n = 1;
        for (long s : sizes) {
            if (s < 0) {
                throw error(kernel, "negative size in " + Arrays.toString(sizes));
            }
            n = Math.min(n * s, 1L << 31);
        }
        if (n > Integer.MAX_VALUE) {
            throw error(kernel, "sizes " + Arrays.toString(sizes) + " count more than 2^31-1 elements");
        }
        return n;
    }

    /** As {@link #count(String, long...)} for two sizes (rows and columns), without an array. */
    static long count(String kernel, long a, long b) {
        return a < 0 || b < 0 ? count(kernel, new long[] {a, b}) : count(kernel, a, b, 1, 1);
    }

    /** As {@link #count(String, long...)} for three sizes (outer, size, inner), without an array. */
    static long count(String kernel, long a, long b, long c) {
        return a < 0 || b < 0 || c < 0 ? count(kernel, new long[] {a, b, c}) : count(kernel, a, b, c, 1);
    }

    /** As {@link #count(String, long...)} for the four sizes of a convolution or pooling tensor, without an array. */
    static long count(String kernel, long a, long b, long c, long d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            return count(kernel, new long[] {a, b, c, d});
        }
        long n = Math.min(Math.min(Math.min(a * b, 1L << 31) * c, 1L << 31) * d, 1L << 31);
        return n > Integer.MAX_VALUE ? count(kernel, new long[] {a, b, c, d}) : n;
    }

    /** As {@link #count(String, long...)} for a shape. */
    static long count(String kernel, int[] shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                return count(kernel, Arrays.stream(shape).asLongStream().toArray());
            }
            n = Math.min(n * s, 1L << 31);
        }
        return n > Integer.MAX_VALUE
                ? count(kernel, Arrays.stream(shape).asLongStream().toArray())
                : n;
    }

    /** A rows × cols row-major matrix with leading dimension ld, from offset. */
    static void matrix(String kernel, String name, float[] array, int offset, int rows, int cols, int ld) {
        if (rows < 0 || cols < 0 || ld < Math.max(1, cols)) {
            throw error(kernel, name + " of " + rows + " x " + cols + " with leading dimension " + ld);
        }
        if (rows > 0 && cols > 0) {
            range(kernel, name, array, offset, (long) (rows - 1) * ld + cols);
        }
    }

    /** Every index in [0, size). */
    static void indices(String kernel, int[] index, long count, int size) {
        if (index == null || index.length < count) {
            throw error(kernel, "index array shorter than " + count);
        }
        for (int i = 0; i < count; i++) {
            if (index[i] < 0 || index[i] >= size) {
                throw error(kernel, "index " + index[i] + " out of range [0, " + size + ")");
            }
        }
    }
}
