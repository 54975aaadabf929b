package org.grad4j.tensor;

import org.grad4j.internal.tensor.ScopedStorages;
import org.grad4j.internal.tensor.TensorInternals;

/**
 * Frees, when closed, the memory of every tensor made on this thread while it was open, as
 * DJL's {@code NDManager} and DL4J's workspaces do, so that the next training step reuses those
 * buffers instead of asking the JVM for fresh, zeroed memory (PyTorch gets the same from reference
 * counting). Tensors that something long-lived holds are left alone: gradients a leaf keeps, an
 * optimizer's state, the parameters and buffers of modules made inside it, and whatever {@link
 * #keep} names. Any other tensor made inside is closed, and so are the gradients {@code zeroGrad}
 * clears inside it; using one afterwards throws an exception saying so.
 *
 * <pre>{@code
 * for (Batch batch : loader) {
 *     try (batch; TensorScope step = TensorScope.open()) {
 *         Tensor loss = criterion.forward(model.forward(batch.input()), batch.target());
 *         optimizer.zeroGrad();
 *         loss.backward();
 *         optimizer.step();
 *         lossSum += loss.item();
 *     }
 * }
 * }</pre>
 *
 * Scopes nest; each belongs to the thread that opened it. Tensors made on other threads (a data
 * loader's batches) are not its: closing the batch, as above, releases those.
 */
public final class TensorScope implements AutoCloseable {
    private final Thread owner = Thread.currentThread();
    private final int depth;
    private boolean closed;
    private long releasedBytes;

    private TensorScope() {
        ScopedStorages.open();
        depth = ScopedStorages.depth();
    }

    /**
     * Opens a scope on this thread.
     *
     * @return the scope, to close (best with try-with-resources) on this thread
     */
    public static TensorScope open() {
        return new TensorScope();
    }

    /**
     * Keeps a tensor made inside the scope (and every view of its memory) usable after the scope
     * closes; the garbage collector frees it then, as any tensor made outside a scope.
     *
     * @param tensor the tensor
     * @param <T> the tensor's type
     * @return {@code tensor}
     */
    public <T extends Tensor> T keep(T tensor) {
        TensorInternals.storage(tensor).escape();
        return tensor;
    }

    /**
     * The bytes this scope released when it closed.
     *
     * @return the bytes, 0 while it is open
     */
    public long releasedBytes() {
        return releasedBytes;
    }

    /**
     * Releases the memory of the tensors made inside that nothing long-lived holds.
     *
     * @throws IllegalStateException if called on another thread than the one that opened it, or
     *     while a scope opened inside it is still open
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("TensorScope: opened on " + owner.getName() + ", closed on "
                    + Thread.currentThread().getName());
        }
        if (ScopedStorages.depth() != depth) {
            throw new IllegalStateException("TensorScope: closed while a scope opened inside it is still open");
        }
        closed = true;
        releasedBytes = ScopedStorages.close();
    }
}
