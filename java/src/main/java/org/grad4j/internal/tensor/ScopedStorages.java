package org.grad4j.internal.tensor;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.grad4j.tensor.Tensor;

/**
 * The storages grad4j allocated on this thread while a {@code TensorScope} was open, per open
 * scope, innermost last: closing a scope releases those of its storages that nothing long-lived
 * took (see {@link Storage#escape()}). A scope holds its storages weakly: one that nothing else
 * reaches any more (an intermediate result under {@code noGrad}) is the garbage collector's
 * before the scope closes, so a scope never raises the peak memory of the code inside it.
 */
public final class ScopedStorages {
    private static final ThreadLocal<ArrayDeque<List<WeakReference<Storage>>>> OPEN =
            ThreadLocal.withInitial(ArrayDeque::new);

    /** Set once any scope is opened, so that a program that never opens one skips the lookup. */
    private static volatile boolean anyOpened;

    private ScopedStorages() {}

    /** Opens a scope on this thread. */
    public static void open() {
        anyOpened = true;
        OPEN.get().addLast(new ArrayList<>());
    }

    /**
     * Closes this thread's innermost scope, releasing the storages made in it that did not escape.
     *
     * @return the bytes released
     * @throws IllegalStateException if no scope is open on this thread
     */
    public static long close() {
        List<WeakReference<Storage>> made = OPEN.get().pollLast();
        if (made == null) {
            throw new IllegalStateException("TensorScope: closed on a thread where it is not open");
        }
        long bytes = 0;
        for (WeakReference<Storage> r : made) {
            Storage s = r.get();
            if (s != null && !s.escaped() && !s.isReleased()) {
                bytes += 4L * s.data().length;
                s.releaseByScope();
            }
        }
        return bytes;
    }

    /**
     * Closes this thread's innermost scope without releasing anything, handing its storages to the
     * caller, who gives them to another thread's scope with {@link #adoptAll}: the tensors a part of
     * a region made on a worker thread, released with the step that started the region.
     *
     * @return the scope's storages
     * @throws IllegalStateException if no scope is open on this thread
     */
    public static List<WeakReference<Storage>> handOver() {
        List<WeakReference<Storage>> made = OPEN.get().pollLast();
        if (made == null) {
            throw new IllegalStateException("TensorScope: handed over on a thread where none is open");
        }
        return made;
    }

    /**
     * Adds storages another thread's scope handed over to this thread's innermost scope, which
     * releases them when it closes; without an open scope they are left to the garbage collector.
     *
     * @param made the storages
     */
    public static void adoptAll(List<WeakReference<Storage>> made) {
        if (isOpen()) {
            OPEN.get().peekLast().addAll(made);
        }
    }

    /** How many scopes are open on this thread. */
    public static int depth() {
        return anyOpened ? OPEN.get().size() : 0;
    }

    /** Whether a scope is open on this thread. */
    public static boolean isOpen() {
        return anyOpened && !OPEN.get().isEmpty();
    }

    /**
     * Sets a tensor's gradient to null ({@code zeroGrad}), handing the old one to this thread's
     * innermost scope, which releases it when it closes as if it had been made inside; without an
     * open scope the garbage collector frees it as before.
     */
    public static void clearGrad(Tensor p) {
        Tensor old = p.grad();
        if (old != null) {
            p.setGrad(null);
            adopt(TensorInternals.storage(old));
        }
    }

    private static void adopt(Storage s) {
        if (isOpen() && !s.isReleased()) {
            s.unescape();
            OPEN.get().peekLast().add(new WeakReference<>(s));
        }
    }

    static void track(Storage s) {
        if (anyOpened) {
            List<WeakReference<Storage>> innermost = OPEN.get().peekLast();
            if (innermost != null) {
                innermost.add(new WeakReference<>(s));
            }
        }
    }
}
