package org.grad4j.internal.backend.java;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.IntConsumer;
import org.grad4j.backend.PartFailures;
import org.grad4j.backend.Threads;

/**
 * Splits index ranges over a pool of daemon threads: a fixed count, or {@link Threads#get()} at each
 * call (a new pool when that setting changes; the old one's idle workers time out, so a call still
 * using it is never refused).
 */
final class Parallel {
    /** A body over the half-open range [from, to). */
    @FunctionalInterface
    interface RangeBody {
        void run(int from, int to);
    }

    /** The pool's thread count, or 0 to follow {@link Threads#get()}. */
    private final int fixedThreads;

    private volatile ForkJoinPool pool;

    Parallel(int fixedThreads) {
        this.fixedThreads = fixedThreads;
    }

    int threads() {
        return fixedThreads > 0 ? fixedThreads : Threads.get();
    }

    /** A pool of {@code threads} workers, made anew when the count changed since the last call. */
    private ForkJoinPool pool(int threads) {
        ForkJoinPool current = pool;
        return current != null && current.getParallelism() == threads ? current : replacePool(threads);
    }

    private synchronized ForkJoinPool replacePool(int threads) {
        if (pool == null || pool.getParallelism() != threads) {
            pool = new ForkJoinPool(
                    threads,
                    p -> {
                        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
                        t.setDaemon(true);
                        t.setName("grad4j-java-" + t.getPoolIndex());
                        return t;
                    },
                    null,
                    false);
        }
        return pool;
    }

    /**
     * Runs body over [0, n) in at most {@link #threads()} chunks of at least {@code grain} indices;
     * inline when the work is small or the caller is a fork-join worker: one of this pool's
     * threads, or of any other fork-join pool (the common pool included).
     */
    void forRange(int n, int grain, RangeBody body) {
        int threads = threads();
        int chunks = Math.min(threads, n / Math.max(grain, 1));
        if (chunks <= 1 || ForkJoinTask.inForkJoinPool()) {
            body.run(0, n);
            return;
        }
        ForkJoinPool workers = pool(threads);
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[chunks - 1];
        for (int c = 1; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            tasks[c - 1] = workers.submit(() -> body.run(from, to));
        }
        body.run(0, (int) ((long) n / chunks));
        for (ForkJoinTask<?> t : tasks) {
            t.join();
        }
    }

    /**
     * Runs part.accept(p) for p in [0, parts), each as a task of the pool, where the kernels it
     * calls run inline; one after another on the caller when it is a fork-join worker itself or the
     * pool has one thread.
     */
    void forParts(int parts, IntConsumer part) {
        PartFailures failures = new PartFailures(parts);
        int threads = threads();
        if (parts == 1 || threads == 1 || ForkJoinTask.inForkJoinPool()) {
            for (int p = 0; p < parts; p++) {
                failures.run(part, p);
            }
        } else {
            ForkJoinPool workers = pool(threads);
            ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[parts];
            for (int p = 0; p < parts; p++) {
                int index = p;
                tasks[p] = workers.submit(() -> failures.run(part, index));
            }
            for (ForkJoinTask<?> t : tasks) {
                t.join();
            }
        }
        failures.rethrow();
    }
}
