package org.grad4j.tensor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The float buffer behind one or more tensors (a tensor and all its views share one storage),
 * with the version counter that in-place writes bump so autograd can detect a saved tensor
 * that was modified before backward.
 *
 * <p>{@link Tensor#close()} releases the buffer: a buffer grad4j allocated goes to the calling
 * thread's {@link RecycledArrays} for the next tensor of its size, and every tensor sharing the
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
    private final boolean recyclable;
    private int version;

    /**
     * A storage over {@code data}; {@code recyclable} when no one else holds the array, so that it
     * may serve another tensor once released (never the case for an array a caller wrapped).
     */
    Storage(float[] data, boolean recyclable) {
        this.data = data;
        this.recyclable = recyclable;
    }

    /** The backing array; kernels read and write it directly. */
    public float[] data() {
        float[] d = data;
        if (d == null) {
            throw new IllegalStateException(
                    "tensor used after close(): its storage (shared by all its views) was" + " released");
        }
        return d;
    }

    /** Whether {@link Tensor#close()} released this storage. */
    boolean isReleased() {
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
    void release() {
        float[] d = (float[]) DATA.getAndSet(this, (float[]) null);
        if (d != null && recyclable) {
            RecycledArrays.give(d);
        }
    }
}
