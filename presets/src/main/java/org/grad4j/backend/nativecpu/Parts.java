package org.grad4j.backend.nativecpu;

import static org.grad4j.jni.global.g4kernels.g4_run_parts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.grad4j.backend.PartFailures;
import org.grad4j.jni.global.g4kernels.g4_part_fn;

/**
 * {@link NativeBackend#runParts}: the native pool calls back into Java for each part, on its own
 * threads, which JavaCPP attaches to the JVM once and keeps attached. The callback is one native
 * function for all calls; the region number it is given finds the call's parts.
 */
final class Parts {
    private static final Map<Long, Region> REGIONS = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_REGION = new AtomicLong();
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    private static final Callback CALLBACK = new Callback();

    private record Region(IntConsumer part, PartFailures failures) {}

    private Parts() {}

    /** Whether this thread is running a part. */
    static boolean inPart() {
        return DEPTH.get()[0] > 0;
    }

    static void run(int parts, IntConsumer part) {
        long region = NEXT_REGION.incrementAndGet();
        Region r = new Region(part, new PartFailures(parts));
        REGIONS.put(region, r);
        try {
            int status = g4_run_parts(parts, CALLBACK, region);
            if (status != 0) {
                throw new IllegalStateException("native runParts(" + parts + ") failed with status " + status);
            }
        } finally {
            REGIONS.remove(region);
        }
        r.failures().rethrow();
    }

    private static final class Callback extends g4_part_fn {
        @Override
        public void call(long region, int part) {
            Region r = REGIONS.get(region);
            int[] depth = DEPTH.get();
            depth[0]++;
            try {
                r.failures().run(r.part(), part);
            } finally {
                depth[0]--;
            }
        }
    }
}
