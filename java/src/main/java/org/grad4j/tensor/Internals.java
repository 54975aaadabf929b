package org.grad4j.tensor;

import java.util.List;
import org.grad4j.autograd.Hook;
import org.grad4j.autograd.Node;
import org.grad4j.internal.tensor.Storage;
import org.grad4j.internal.tensor.TensorInternals;

/** Hands {@code TensorInternals} (org.grad4j.internal.tensor) the package-private members of {@link Tensor}. */
final class Internals implements TensorInternals.Access {
    @Override
    public Storage storage(Tensor t) {
        return t.storage;
    }

    @Override
    public Tensor view(Storage storage, int[] shape, int[] strides, int offset) {
        return TensorBase.view(storage, shape, strides, offset);
    }

    @Override
    public void setGradFn(Tensor t, Node node) {
        t.setGradFn(node);
    }

    @Override
    public List<Hook> leafHooks(Tensor t) {
        return t.leafHooks();
    }
}
