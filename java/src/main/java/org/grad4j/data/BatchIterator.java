package org.grad4j.data;

import java.lang.ref.Cleaner;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.grad4j.backend.Backend;
import org.grad4j.tensor.Scope;

/**
 * One epoch of a {@link DataLoader}: yields its batches in order, prepared ahead on a daemon
 * thread when prefetch is on.
 *
 * <p>The thread ends after the last batch, on {@link #close()}, after a loading failure (which
 * {@link #hasNext()} / {@link #next()} rethrow here), or when an abandoned iterator is
 * garbage-collected. Not for use by several threads at once.
 *
 * <pre>{@code
 * try (BatchIterator it = loader.iterator()) {
 *     Batch first = it.next();            // then stop early: close() ends the thread
 * }
 * }</pre>
 */
public final class BatchIterator implements Iterator<Batch>, AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Object END = new Object();

    private final Source source;
    private final int numBatches;
    private final Worker worker;
    private final Cleaner.Cleanable cleanable;
    private int next;
    private Batch pending;
    private boolean done;

    BatchIterator(Dataset dataset, int[] order, int batchSize, int numBatches, int prefetch) {
        this.source = new Source(dataset, order, batchSize, Datasets.makesNewBatches(dataset));
        this.numBatches = numBatches;
        if (prefetch > 0 && numBatches > 0) {
            worker = new Worker(source, numBatches, prefetch, Backend.current());
            cleanable = CLEANER.register(this, worker::stop);
            worker.thread.start();
        } else {
            worker = null;
            cleanable = null;
        }
    }

    @Override
    public boolean hasNext() {
        if (done) {
            return false;
        }
        if (worker == null) {
            done = next >= numBatches;
            return !done;
        }
        if (pending != null) {
            return true;
        }
        Object item;
        try {
            item = worker.queue.take();
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("DataLoader: interrupted while waiting for batch " + next, e);
        }
        if (item == END) {
            close();
            return false;
        }
        if (item instanceof Throwable t) {
            close();
            throw rethrow(t);
        }
        pending = (Batch) item;
        return true;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("DataLoader: no batch after " + next + " of " + numBatches);
        }
        Batch b;
        if (worker == null) {
            b = source.load(next);
        } else {
            b = pending;
            pending = null;
        }
        next++;
        return b;
    }

    /** Stops the background thread and ends the epoch; safe to call more than once. */
    @Override
    public void close() {
        done = true;
        pending = null;
        if (cleanable != null) {
            cleanable.clean();
        }
    }

    /** The prefetch thread, or null without prefetch; for tests. */
    Thread worker() {
        return worker == null ? null : worker.thread;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("DataLoader: loading a batch failed: " + t, t);
    }

    /**
     * What one epoch loads: batch k is the samples at order[k * batchSize ...], stacked; the
     * batches' tensors are theirs to release when the dataset makes new ones.
     */
    private record Source(Dataset dataset, int[] order, int batchSize, boolean ownsBatches) {
        Batch load(int k) {
            int start = k * batchSize;
            int[] indices = Arrays.copyOfRange(order, start, Math.min(start + batchSize, order.length));
            return new Batch(ownsBatches, dataset.getBatch(indices));
        }
    }

    /**
     * The background loop. It holds no reference to the iterator, only to its {@link Source}, so
     * that an abandoned iterator becomes unreachable and the Cleaner stops the loop.
     */
    private static final class Worker implements Runnable {
        private static final long MIN_SLEEP_NANOS = 50_000;
        private static final long MAX_SLEEP_NANOS = 1_000_000;

        final BlockingQueue<Object> queue;
        final Thread thread;
        private final Source source;
        private final int numBatches;
        private final Backend backend;
        private volatile boolean stopped;

        Worker(Source source, int numBatches, int prefetch, Backend backend) {
            this.source = source;
            this.numBatches = numBatches;
            this.backend = backend;
            this.queue = new ArrayBlockingQueue<>(prefetch);
            this.thread = new Thread(this, "grad4j-dataloader-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            try (Scope ignored = Backend.use(backend)) {
                for (int k = 0; k < numBatches; k++) {
                    if (!deliver(source.load(k))) {
                        return;
                    }
                }
                deliver(END);
            } catch (InterruptedException e) {
                // stop() interrupted a wait: the consumer is gone
            } catch (Throwable t) {
                try {
                    deliver(t);
                } catch (InterruptedException stoppedMeanwhile) {
                    // the consumer is gone: nobody is left to report to
                }
            }
        }

        /**
         * Queues an item, waiting while the queue is full; false once stopped. It waits by sleeping
         * for a while and looking again, not on the queue, so that the training thread that takes a
         * batch never has to wake this thread: a wake-up is a system call on the training thread's
         * path at every batch (and on some virtual machines the woken thread preempts it), while
         * the timed sleep costs only this thread. The sleep doubles up to a millisecond, well within
         * the time the queued batches give, and the loop re-checks the flag, so it ends even if an
         * interrupt was swallowed by the dataset code.
         */
        private boolean deliver(Object item) throws InterruptedException {
            long sleep = MIN_SLEEP_NANOS;
            while (!stopped) {
                if (queue.offer(item)) {
                    return true;
                }
                LockSupport.parkNanos(sleep);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                sleep = Math.min(2 * sleep, MAX_SLEEP_NANOS);
            }
            return false;
        }

        void stop() {
            stopped = true;
            thread.interrupt();
        }
    }
}
