package org.grad4j.internal.ops;

import java.util.SplittableRandom;

/**
 * Random ints that favour the edges where size arithmetic breaks: 0, 1, the square root of 2^31
 * (46341), 2^16, 2^30, Integer.MAX_VALUE and their neighbours, whose sums and products overflow
 * an int; otherwise small values, where results can be computed and compared.
 */
final class EdgeInts {
    static final int[] EDGES = {
        0,
        1,
        2,
        3,
        46_340,
        46_341,
        1 << 16,
        (1 << 16) + 1,
        1 << 30,
        (1 << 30) + 1,
        Integer.MAX_VALUE - 1,
        Integer.MAX_VALUE
    };

    final SplittableRandom random;

    EdgeInts(long seed) {
        random = new SplittableRandom(seed);
    }

    /** An edge value about a third of the time, else one in [0, smallBound). */
    int size(int smallBound) {
        return random.nextInt(3) == 0 ? EDGES[random.nextInt(EDGES.length)] : random.nextInt(smallBound);
    }

    /** Like {@link #size}, negated an eighth of the time (Integer.MIN_VALUE included). */
    int signed(int smallBound) {
        int v = size(smallBound);
        return random.nextInt(8) != 0 ? v : v == Integer.MAX_VALUE && random.nextBoolean() ? Integer.MIN_VALUE : -v;
    }

    /** Like {@link #size}, but at least 1 except a sixteenth of the time. */
    int positive(int smallBound) {
        return random.nextInt(16) == 0 ? random.nextInt(-1, 1) : Math.max(1, size(smallBound));
    }

    boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }
}
