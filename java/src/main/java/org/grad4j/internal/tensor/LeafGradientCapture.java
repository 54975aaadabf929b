package org.grad4j.internal.tensor;

import java.util.Map;
import org.grad4j.tensor.Tensor;

/**
 * Where the backward passes of this thread put the gradients of leaves while a capture is open,
 * instead of into the leaves' {@code grad}, and without running the leaves' hooks: for backward
 * passes that run at once on leaves other threads share (the shards of {@code DataParallel}),
 * whose gradients are summed and accumulated once all have ended.
 */
public final class LeafGradientCapture {
    private static final ThreadLocal<Map<Tensor, Tensor>> OPEN = new ThreadLocal<>();

    private LeafGradientCapture() {}

    /** The map this thread's backward passes put leaves' gradients in, or null when none is open. */
    public static Map<Tensor, Tensor> current() {
        return OPEN.get();
    }

    /**
     * Runs {@code pass} with this thread's leaf gradients going into {@code into}, by leaf.
     *
     * @param into the map, filled by identity of the leaf
     * @param pass the backward pass
     */
    public static void into(Map<Tensor, Tensor> into, Runnable pass) {
        Map<Tensor, Tensor> outer = OPEN.get();
        OPEN.set(into);
        try {
            pass.run();
        } finally {
            OPEN.set(outer);
        }
    }
}
