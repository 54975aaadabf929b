package org.grad4j.backend.java;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;

/** Splits index ranges over a fixed pool of {@code grad4j.threads} daemon threads. */
final class Parallel {
    /** A body over the half-open range [from, to). */
    @FunctionalInterface
    interface RangeBody {
        void run(int from, int to);
    }

    private final int threads;
    private final ForkJoinPool pool;

    Parallel(int threads) {
        this.threads = threads;
        this.pool = threads <= 1
                ? null
                : new ForkJoinPool(
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

    int threads() {
        return threads;
    }

    /**
     * Runs body over [0, n) in at most {@code threads} chunks of at least {@code grain} indices;
     * inline when the work is small or the caller is already one of the pool's threads.
     */
    void forRange(int n, int grain, RangeBody body) {
        int chunks = Math.min(threads, n / Math.max(grain, 1));
        if (pool == null || chunks <= 1 || ForkJoinTask.inForkJoinPool()) {
            body.run(0, n);
            return;
        }
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[chunks - 1];
        for (int c = 1; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            tasks[c - 1] = pool.submit(() -> body.run(from, to));
        }
        body.run(0, (int) ((long) n / chunks));
        for (ForkJoinTask<?> t : tasks) {
            t.join();
        }
    }
}
