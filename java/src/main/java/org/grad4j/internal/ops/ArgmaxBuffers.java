package org.grad4j.internal.ops;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Each thread's int buffers for max pooling's argmax that no op needs any more: the next forward
 * of the same size takes one instead of fresh memory, which a training step would otherwise ask
 * the JVM for once per pooling layer (megabytes for a convolutional network's first layer).
 */
final class ArgmaxBuffers {
    private static final int KEPT = 8;
    private static final ThreadLocal<ArrayDeque<int[]>> FREE = ThreadLocal.withInitial(ArrayDeque::new);

    private ArgmaxBuffers() {}

    /** n ints of any value: a buffer given back on this thread if one has that size, else a new array. */
    static int[] take(int n) {
        for (Iterator<int[]> it = FREE.get().iterator(); it.hasNext(); ) {
            int[] a = it.next();
            if (a.length == n) {
                it.remove();
                return a;
            }
        }
        return new int[n];
    }

    /** Keeps a buffer that nothing reads any more for this thread's next {@link #take}. */
    static void give(int[] a) {
        ArrayDeque<int[]> free = FREE.get();
        free.push(a);
        if (free.size() > KEPT) {
            free.removeLast();
        }
    }
}
