package org.grad4j.graph;

import java.util.Arrays;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.Storage;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * Where a value of a compiled graph lives while it runs: an array, the element its first entry is
 * at, and its static shape and strides. An op result owns a place fixed when the graph is compiled;
 * an input or parameter is bound to its tensor's storage before each run; a view follows its base.
 */
final class Slot {
    final int[] shape;
    final int[] strides;
    final int numel;
    /** The slot this one is a view of (its offset {@code delta} further on), or null. */
    final Slot base;

    final int delta;
    float[] data;
    int offset;
    /** A contiguous copy of a bound tensor whose own layout is not, made on the first such run. */
    private float[] copy;

    Slot(int[] shape, int[] strides, Slot base, int delta) {
        this.shape = shape;
        this.strides = strides;
        this.numel = Shapes.numel(shape);
        this.base = base;
        this.delta = delta;
    }

    static Slot contiguous(int[] shape) {
        return new Slot(shape, Shapes.contiguousStrides(shape), null, 0);
    }

    /** A place of its own: {@code array} from {@code at}. */
    Slot place(float[] array, int at) {
        data = array;
        offset = at;
        return this;
    }

    boolean isContiguous() {
        return Arrays.equals(strides, Shapes.contiguousStrides(shape)) || numel <= 1;
    }

    /** Takes the view's place from its base, which must have its own. */
    void follow() {
        data = base.data;
        offset = base.offset + delta;
    }

    /** Binds a contiguous slot to a tensor of its shape, copying the tensor only when its layout is not contiguous. */
    void bind(Tensor t) {
        if (t.isContiguous()) {
            data = TensorInternals.data(t);
            offset = t.storageOffset();
            return;
        }
        bindCopy(t);
    }

    /** Binds a contiguous slot to a copy of a tensor's values, made on each call. */
    void bindCopy(Tensor t) {
        if (copy == null) {
            copy = new float[numel];
        }
        org.grad4j.backend.Backend.current()
                .copy(shape, TensorInternals.data(t), t.storageOffset(), t.stride(), copy, 0, strides);
        data = copy;
        offset = 0;
    }

    /** A tensor over the slot's elements as they are now (no copy). */
    Tensor tensor() {
        return TensorInternals.view(Storage.wrapping(data), shape, strides, offset);
    }

    /** The strides that read this slot as if broadcast to {@code to}. */
    int[] broadcastStrides(int[] to) {
        return Shapes.broadcastStrides(shape, strides, to);
    }
}
