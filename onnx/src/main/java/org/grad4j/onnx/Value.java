package org.grad4j.onnx;

import java.util.Arrays;
import org.grad4j.tensor.Tensor;

/**
 * A value while a model runs. Float data is a tensor (with its autograd history). Integers and
 * booleans are exact {@code long[]} (0/1 for booleans) when they are known without the inputs'
 * data: initializers, constants and shape arithmetic, folded as the model runs. Integers computed
 * from data (an ArgMax, a comparison) are float32 tensors holding the values.
 */
final class Value {
    /** Integers a float32 holds exactly. */
    static final long EXACT_IN_FLOAT = 1L << 24;

    final OnnxType type;
    final int[] shape;
    private final Tensor tensor;
    private final long[] exact;

    private Value(OnnxType type, int[] shape, Tensor tensor, long[] exact) {
        this.type = type;
        this.shape = shape;
        this.tensor = tensor;
        this.exact = exact;
    }

    static Value of(Tensor t) {
        return new Value(OnnxType.FLOAT, t.shape(), t, null);
    }

    /** Integers or booleans held in a float32 tensor. */
    static Value coded(OnnxType type, Tensor t) {
        return new Value(type, t.shape(), t, null);
    }

    static Value exact(OnnxType type, long[] values, int... shape) {
        if (type == OnnxType.FLOAT) {
            throw new IllegalArgumentException("exact values are integers or booleans");
        }
        return new Value(type, shape.clone(), null, values);
    }

    static Value ints(long... values) {
        return exact(OnnxType.INT64, values, values.length);
    }

    boolean isExact() {
        return exact != null;
    }

    int numel() {
        return ElementwiseOps.numel(shape);
    }

    int rank() {
        return shape.length;
    }

    /** The values as a float32 tensor; integers beyond 2^24 are an error naming {@code what}. */
    Tensor tensor(String what) {
        if (tensor != null) {
            return tensor;
        }
        float[] f = new float[exact.length];
        for (int i = 0; i < f.length; i++) {
            if (Math.abs(exact[i]) > EXACT_IN_FLOAT) {
                throw new OnnxException(what + ": the " + type + " value " + exact[i]
                        + " has no exact float32 form (grad4j holds integer data as float32, exact up to 2^24)");
            }
            f[i] = exact[i];
        }
        return Tensor.of(f, shape);
    }

    /** The values as integers: exact ones as they are, others read from the tensor. */
    long[] longs() {
        if (exact != null) {
            return exact;
        }
        float[] f = tensor.toArray();
        long[] l = new long[f.length];
        for (int i = 0; i < f.length; i++) {
            l[i] = (long) f[i];
        }
        return l;
    }

    @Override
    public String toString() {
        return type + Arrays.toString(shape) + (exact != null ? " " + Arrays.toString(exact) : "");
    }
}
