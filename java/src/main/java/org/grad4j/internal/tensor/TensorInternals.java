package org.grad4j.internal.tensor;

import java.lang.invoke.MethodHandles;
import java.util.List;
import org.grad4j.autograd.Hook;
import org.grad4j.autograd.Node;
import org.grad4j.internal.trace.Tracing;
import org.grad4j.tensor.Tensor;

/**
 * The parts of {@link Tensor} that grad4j's own packages need and users must not call: its storage,
 * views made from a layout, and the links the backward pass follows. The module exports this package to no one;
 * {@code org.grad4j.tensor} installs the implementation when {@link Tensor} is initialized.
 */
public final class TensorInternals {
    /** Implemented inside {@code org.grad4j.tensor}, where these members are package-private. */
    public interface Access {
        Storage storage(Tensor t);

        Tensor view(Storage storage, int[] shape, int[] strides, int offset);

        void setGradFn(Tensor t, Node node);

        List<Hook> leafHooks(Tensor t);
    }

    private static volatile Access access;

    private TensorInternals() {}

    /** Called once, by {@link Tensor}'s static initializer. */
    public static void install(Access implementation) {
        if (access != null) {
            throw new IllegalStateException("TensorInternals: already installed");
        }
        access = implementation;
    }

    private static Access access() {
        Access a = access;
        if (a == null) {
            try {
                MethodHandles.lookup().ensureInitialized(Tensor.class);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            a = access;
        }
        return a;
    }

    /** The storage {@code t} views (shared with all its views). */
    public static Storage storage(Tensor t) {
        return access().storage(t);
    }

    /**
     * The backing array of {@code t}'s storage; kernels read and write it directly. Inside an op's
     * forward that is the op's business; anywhere else in traced code (a backward that calls
     * kernels itself) it is a graph break, since a graph records only ops.
     */
    public static float[] data(Tensor t) {
        Tracing.hostAccess("a kernel call outside an op");
        return access().storage(t).data();
    }

    /** A view of {@code storage}; fails unless every element lies inside the storage. */
    public static Tensor view(Storage storage, int[] shape, int[] strides, int offset) {
        return access().view(storage, shape, strides, offset);
    }

    /**
     * A new contiguous tensor whose elements a kernel is about to write, every one: a released buffer
     * this thread allocated is taken as it is, without zeroing it first.
     */
    public static Tensor forKernelOutput(int... shape) {
        return view(Storage.forKernelOutput(Shapes.numel(shape)), shape, Shapes.contiguousStrides(shape), 0);
    }

    /** A view of {@code base}'s storage with another layout. */
    public static Tensor view(Tensor base, int[] shape, int[] strides, int offset) {
        return view(storage(base), shape, strides, offset);
    }

    /** Records the node that made {@code t}; for {@code Function.apply} only. */
    public static void setGradFn(Tensor t, Node node) {
        access().setGradFn(t, node);
    }

    /** The hooks registered on a leaf; for the backward pass. */
    public static List<Hook> leafHooks(Tensor t) {
        return access().leafHooks(t);
    }
}
