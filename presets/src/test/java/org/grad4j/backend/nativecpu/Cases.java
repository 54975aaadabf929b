package org.grad4j.backend.nativecpu;

import java.util.SplittableRandom;

/** Random sizes and layouts for the parity cases: sizes favour 1 and primes; layouts may be permuted. */
final class Cases {
    private static final int[] SIZES = {1, 1, 2, 3, 5, 7, 11, 13, 17, 31, 4, 8, 16};
    final SplittableRandom random;

    Cases(long seed) {
        this.random = new SplittableRandom(seed);
    }

    int size() {
        return SIZES[random.nextInt(SIZES.length)];
    }

    int size(int max) {
        return random.nextInt(4) == 0 ? 1 + random.nextInt(max) : Math.min(max, size());
    }

    float[] values(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextDouble() * 4 - 2);
        }
        return v;
    }

    int[] shape(int rank, int max) {
        int[] s = new int[rank];
        for (int d = 0; d < rank; d++) {
            s[d] = size(max);
        }
        return s;
    }

    /** Strides laying {@code shape} out without overlap in a random dim order (row-major when identity). */
    int[] strides(int[] shape) {
        int rank = shape.length;
        int[] order = new int[rank];
        for (int i = 0; i < rank; i++) {
            order[i] = i;
        }
        if (random.nextBoolean()) {
            for (int i = rank - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        int[] strides = new int[rank];
        int s = 1;
        for (int i = rank - 1; i >= 0; i--) {
            strides[order[i]] = s;
            s *= Math.max(shape[order[i]], 1);
        }
        return strides;
    }

    /** Like {@link #strides} but with random dims of the operand broadcast (stride 0, as if of size 1). */
    int[] broadcastStrides(int[] shape) {
        int[] strides = strides(shape);
        for (int d = 0; d < shape.length; d++) {
            if (random.nextInt(4) == 0) {
                strides[d] = 0;
            }
        }
        return strides;
    }

    /** Elements a layout reaches from offset 0, plus one. */
    static int extent(int[] shape, int[] strides) {
        int last = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 0) {
                return 0;
            }
            last += (shape[d] - 1) * strides[d];
        }
        return last + 1;
    }

    static int numel(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }
}
