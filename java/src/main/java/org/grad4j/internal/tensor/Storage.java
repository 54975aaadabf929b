package org.grad4j.internal.tensor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.grad4j.tensor.Tensor;

/**
 * The float buffer behind one or more tensors (a tensor and all its views share one storage),
 * with the version counter that in-place writes bump so autograd can detect a saved tensor
 * that was modified before backward.
 *
 * <p>{@link Tensor#close()} releases the buffer: a buffer grad4j allocated goes back to the
 * {@link RecycledArrays} of the thread that allocated it, for that thread's next tensor of its size, and every tensor sharing the
 * storage fails from then on instead of reading memory that is no longer its own.
 */
public final class Storage {
    private static final VarHandle DATA;

    static {
        try {
            DATA = MethodHandles.lookup().findVarHandle(Storage.class, "data", float[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private float[] data;
    /** Where the buffer goes back to once released; null for a caller's array, which is never reused. */
    private final RecycledArrays origin;

    private int version;
    private boolean escaped;
    private boolean releasedByScope;

    private Storage(float[] data, RecycledArrays origin) {
        this.data = data;
        this.origin = origin;
        if (origin != null) {
            ScopedStorages.track(this);
        }
    }

    /**
     * Marks the storage as held beyond the scope it was made in (a gradient a leaf keeps, an
     * optimizer's state, a module's parameter or buffer, a tensor the caller keeps), so closing
     * that scope leaves it to the garbage collector.
     */
    public void escape() {
        escaped = true;
    }

    void unescape() {
        escaped = false;
    }

    boolean escaped() {
        return escaped;
    }

    void releaseByScope() {
        releasedByScope = true;
        release();
    }

    /** A storage of n zeros, in a released buffer this thread allocated, when one fits. */
    public static Storage zeroed(int n) {
        RecycledArrays own = RecycledArrays.own();
        return new Storage(own.take(n, true), own);
    }

    /**
     * A storage of n floats that its first writer fills completely: a released buffer this thread
     * allocated, as it is, when one fits, else a new array.
     */
    public static Storage forKernelOutput(int n) {
        RecycledArrays own = RecycledArrays.own();
        return new Storage(own.take(n, false), own);
    }

    /** The bytes of released buffers this thread keeps for its next results (see {@link RecycledArrays}). */
    public static long recycledBytes() {
        return RecycledArrays.keptBytesOnThisThread();
    }

    /** A storage that owns {@code data}: no one else holds the array, so it may be reused once released. */
    public static Storage owning(float[] data) {
        return new Storage(data, RecycledArrays.own());
    }

    /** A storage over a caller's array, which is never handed to another tensor. */
    public static Storage wrapping(float[] data) {
        return new Storage(data, null);
    }

    /** The backing array; kernels read and write it directly. */
    public float[] data() {
        float[] d = data;
        if (d == null) {
            throw new IllegalStateException(
                    releasedByScope
                            ? "tensor used after the TensorScope it was made in closed: its storage (shared by all its"
                                    + " views) was released; keep it with TensorScope.keep(tensor) to use it afterwards"
                            : "tensor used after close(): its storage (shared by all its views) was released");
        }
        return d;
    }

    /** Whether {@link Tensor#close()} released this storage. */
    public boolean isReleased() {
        return data == null;
    }

    /** How many in-place writes this storage has seen. */
    public int version() {
        return version;
    }

    /** Records an in-place write; code that writes {@link #data()} directly calls it. */
    public void bumpVersion() {
        version++;
    }

    /** Drops the buffer; the first caller passes a buffer grad4j allocated on for reuse. */
    public void release() {
        float[] d = (float[]) DATA.getAndSet(this, (float[]) null);
        if (d != null && origin != null) {
            origin.give(d);
        }
    }
}
