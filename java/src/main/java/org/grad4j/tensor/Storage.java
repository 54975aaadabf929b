package org.grad4j.tensor;

/**
 * The float buffer behind one or more tensors (a tensor and all its views share one storage),
 * with the version counter that in-place writes bump so autograd can detect a saved tensor
 * that was modified before backward.
 */
public final class Storage {
    private final float[] data;
    private int version;

    Storage(float[] data) {
        this.data = data;
    }

    /** The backing array; kernels read and write it directly. */
    public float[] data() {
        return data;
    }

    /** How many in-place writes this storage has seen. */
    public int version() {
        return version;
    }

    /** Records an in-place write; code that writes {@link #data()} directly calls it. */
    public void bumpVersion() {
        version++;
    }
}
