package org.grad4j.internal.tensor;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each thread's buffers released by {@link Tensor#close()}, handed out again, most recent first,
 * for tensors of the same size: a buffer that was just in use is still in the cache, while fresh
 * JVM memory is not, and the JVM must zero it (docs/benchmarks.md measures what that costs beside
 * a matrix product). A buffer goes back to the thread that allocated it, whichever thread releases
 * it: a data loader's batches, made on its thread and closed on the training thread, come back to
 * the loader for its next batches. At most {@code -Dgrad4j.recycledMegabytes} (default 64; 0 keeps
 * none) are kept per thread; beyond that, the sizes least recently used are left to the garbage
 * collector. They are held softly, so that the garbage collector takes them back before the heap
 * runs out.
 */
final class RecycledArrays {
    private static final ThreadLocal<RecycledArrays> OWN = ThreadLocal.withInitial(
            () -> new RecycledArrays(capacityBytes(System.getProperty("grad4j.recycledMegabytes", "64"))));

    private final long capacityBytes;
    private final Thread owner = Thread.currentThread();
    /** Buffers other threads released, taken into the cache at this thread's next {@link #take}. */
    private final ConcurrentLinkedQueue<float[]> returned = new ConcurrentLinkedQueue<>();

    private final AtomicLong returnedBytes = new AtomicLong();
    private final LinkedHashMap<Integer, ArrayDeque<SoftReference<float[]>>> bySize =
            new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    RecycledArrays(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** This thread's cache: where the buffers it allocates go back to. */
    static RecycledArrays own() {
        return OWN.get();
    }

    /**
     * Keeps a buffer no tensor uses any more for the next tensor of its size that this cache's
     * thread makes; once that thread has ended, the buffer is left to the garbage collector.
     */
    void give(float[] a) {
        if (Thread.currentThread() == owner) {
            keep(a);
        } else if (owner.isAlive()) {
            if (returnedBytes.addAndGet(bytes(a.length)) <= capacityBytes) {
                returned.add(a);
            } else {
                returnedBytes.addAndGet(-bytes(a.length));
            }
        }
    }

    /**
     * n floats: a released buffer of that size this thread allocated if there is one (zeroed first
     * if {@code zero}), else a new array.
     */
    float[] take(int n, boolean zero) {
        if (returnedBytes.get() > 0) {
            for (float[] a; (a = returned.poll()) != null; ) {
                returnedBytes.addAndGet(-bytes(a.length));
                keep(a);
            }
        }
        if (bytes > 0) {
            ArrayDeque<SoftReference<float[]>> free = bySize.get(n);
            while (free != null && !free.isEmpty()) {
                float[] a = free.pop().get();
                bytes -= bytes(n);
                if (a != null) {
                    if (zero) {
                        Arrays.fill(a, 0f);
                    }
                    return a;
                }
            }
        }
        return new float[n];
    }

    void keep(float[] a) {
        long size = bytes(a.length);
        if (size == 0 || size > capacityBytes) {
            return;
        }
        ArrayDeque<SoftReference<float[]>> same = bySize.computeIfAbsent(a.length, k -> new ArrayDeque<>());
        Iterator<Map.Entry<Integer, ArrayDeque<SoftReference<float[]>>>> oldest =
                bySize.entrySet().iterator();
        while (bytes + size > capacityBytes) {
            Map.Entry<Integer, ArrayDeque<SoftReference<float[]>>> entry = oldest.next();
            ArrayDeque<SoftReference<float[]>> free = entry.getValue();
            if (free == same) {
                while (bytes + size > capacityBytes) {
                    same.removeLast();
                    bytes -= size;
                }
            } else {
                bytes -= bytes(entry.getKey()) * free.size();
                oldest.remove();
            }
        }
        same.push(new SoftReference<>(a));
        bytes += size;
    }

    static long keptBytesOnThisThread() {
        return OWN.get().bytes;
    }

    long keptBytes() {
        return bytes;
    }

    long returnedBytes() {
        return returnedBytes.get();
    }

    private static long bytes(int floats) {
        return 4L * floats;
    }

    /** The capacity {@code -Dgrad4j.recycledMegabytes} asks for, in bytes. */
    static long capacityBytes(String megabytes) {
        try {
            long mb = Long.parseLong(megabytes.trim());
            if (mb >= 0 && mb < 1L << 43) {
                return mb << 20;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(
                "grad4j.recycledMegabytes must be a whole number of megabytes >= 0, got '" + megabytes + "'");
    }
}
