package org.grad4j.graph;

import java.util.IdentityHashMap;
import java.util.Map;
import org.grad4j.internal.tensor.Storage;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * The memory that traced code writes in place, as it was before the first write, so that a trace
 * leaves no trace: a module's buffers, and any other tensor the code writes, are put back when it
 * ends.
 */
final class WrittenStorages {
    private final Map<Storage, float[]> before = new IdentityHashMap<>();

    /** Keeps the values of {@code t}'s storage, unless they are kept already. */
    void save(Tensor t) {
        before.computeIfAbsent(TensorInternals.storage(t), s -> s.data().clone());
    }

    /** Puts every kept storage back as it was (one closed since is left alone). */
    void restore() {
        before.forEach((storage, values) -> {
            if (!storage.isReleased()) {
                System.arraycopy(values, 0, storage.data(), 0, values.length);
                storage.bumpVersion();
            }
        });
        before.clear();
    }
}
