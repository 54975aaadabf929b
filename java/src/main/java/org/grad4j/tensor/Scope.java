package org.grad4j.tensor;

/**
 * A setting of the calling thread (grad mode, the backend) in force until {@link #close()}
 * restores the one before; made for try-with-resources:
 *
 * <pre>{@code
 * try (Scope ignored = GradMode.noGrad()) {
 *     w.sub_(w.grad().mul(lr));
 * }
 * }</pre>
 *
 * <p>The scopes grad4j returns nest like PyTorch's context managers: each must be closed on the thread
 * that opened it, in the reverse order of opening, which try-with-resources guarantees. Closing one
 * while a scope opened inside it is still open throws {@link IllegalStateException} and changes
 * nothing: the inner scope's setting stays in force and the outer scope stays open, to be closed
 * after the inner one. Closing a scope a second time does nothing, as {@link AutoCloseable} advises.
 */
@FunctionalInterface
public interface Scope extends AutoCloseable {
    /**
     * Restores the setting this scope replaced; does nothing if this scope is already closed.
     *
     * @throws IllegalStateException if a scope opened inside this one is still open, or the calling
     *     thread is not the one that opened this scope
     */
    @Override
    void close();
}
