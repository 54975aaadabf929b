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
 */
@FunctionalInterface
public interface Scope extends AutoCloseable {
    /** Restores the setting this scope replaced. */
    @Override
    void close();
}
