package org.grad4j.autograd;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.grad4j.internal.tensor.Storage;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * The gradient storages that code other than grad4j's ops has seen during one backward pass: the
 * caller's gradient, what hooks were given and returned, what user functions were given and
 * returned, and the buffers leaves already kept. A leaf may keep a gradient as its {@code grad}
 * without a copy only when nothing but the pass can reach its storage, the condition on which
 * PyTorch's AccumulateGrad steals a buffer; views share their base's storage, so a gradient passed
 * through unchanged (add, reshape, clone's backward) is recognized too.
 */
final class SharedStorages {
    private final Set<Storage> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    void add(Tensor t) {
        if (t != null) {
            seen.add(TensorInternals.storage(t));
        }
    }

    /** Whether code other than grad4j's ops has seen {@code t}'s storage. */
    boolean contains(Tensor t) {
        return seen.contains(TensorInternals.storage(t));
    }

    /**
     * Whether a leaf may keep {@code g} itself as far as this set can tell: it covers its whole
     * storage contiguously and no one outside the ops has seen that storage. The pass checks that
     * none of the gradients it still holds shares it.
     */
    boolean mayKeep(Tensor g) {
        Storage storage = TensorInternals.storage(g);
        return !seen.contains(storage)
                && g.isContiguous()
                && g.storageOffset() == 0
                && storage.data().length == g.numel();
    }
}
