package org.grad4j.internal.tensor;

import java.util.ArrayDeque;
import org.grad4j.tensor.Scope;

/**
 * A per-thread setting (grad mode, the backend) that nested {@link Scope}s change: opening a scope
 * sets the value and closing it restores the one before. Scopes close in the reverse order they
 * were opened, as try-with-resources closes them. Closing a scope that is not the innermost open one
 * on its thread throws and changes nothing (the inner scopes' value stays in force, and the scope
 * stays open); closing a closed scope does nothing.
 *
 * @param <T> the setting's type
 */
public final class ScopeStack<T> {
    private final ThreadLocal<Frames<T>> frames;

    /**
     * A setting that is {@code initial} on every thread until a scope changes it.
     *
     * @param initial the value outside every scope
     */
    public ScopeStack(T initial) {
        this.frames = ThreadLocal.withInitial(() -> new Frames<>(initial));
    }

    /** The value the calling thread's innermost open scope set, else the initial one. */
    public T get() {
        return frames.get().value;
    }

    /**
     * Sets the calling thread's value until the returned scope is closed.
     *
     * @param name how messages name the scope, e.g. {@code "GradMode.noGrad()"}
     * @param value the value in force inside the scope
     * @return the scope
     */
    public Scope open(String name, T value) {
        Frames<T> f = frames.get();
        Entry<T> entry = new Entry<>(f, name, f.value);
        f.open.push(entry);
        f.value = value;
        return entry;
    }

    private static final class Frames<T> {
        final Thread owner = Thread.currentThread();
        final ArrayDeque<Entry<T>> open = new ArrayDeque<>();
        T value;

        Frames(T initial) {
            this.value = initial;
        }
    }

    private static final class Entry<T> implements Scope {
        private final Frames<T> frames;
        private final String name;
        private final T previous;
        private boolean closed;

        Entry(Frames<T> frames, String name, T previous) {
            this.frames = frames;
            this.name = name;
            this.previous = previous;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (Thread.currentThread() != frames.owner) {
                throw new IllegalStateException(
                        name + ": closed on thread '" + Thread.currentThread().getName()
                                + "' but opened on thread '" + frames.owner.getName()
                                + "'; a scope sets its own thread's state and must be closed there");
            }
            Entry<T> innermost = frames.open.peek();
            if (innermost != this) {
                throw new IllegalStateException(name + ": closed out of order while " + innermost.name
                        + ", opened inside it, is still open; close scopes in the reverse order they were"
                        + " opened (try-with-resources does)");
            }
            frames.open.pop();
            frames.value = previous;
            closed = true;
        }

        @Override
        public String toString() {
            return name + (closed ? " (closed)" : "");
        }
    }
}
