package org.grad4j.internal.ops;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.grad4j.internal.tensor.Shapes;

/** Naive double-precision references shared by the specs. */
final class Refs {
    private Refs() {}

    static OpSpec.Reference unary(DoubleUnaryOperator f) {
        return in -> {
            double[] x = in.v(0);
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = f.applyAsDouble(x[i]);
            }
            return out;
        };
    }

    /** f over the NumPy broadcast of inputs 0 and 1, by explicit index arithmetic. */
    static OpSpec.Reference binary(DoubleBinaryOperator f) {
        return in -> {
            int[] shape = Shapes.broadcast("ref", in.shape(0), in.shape(1));
            double[] out = new double[Shapes.numel(shape)];
            for (int i = 0; i < out.length; i++) {
                int[] idx = unravel(i, shape);
                out[i] = f.applyAsDouble(
                        in.v(0)[broadcastIndex(idx, in.shape(0))], in.v(1)[broadcastIndex(idx, in.shape(1))]);
            }
            return out;
        };
    }

    static int[] unravel(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        return idx;
    }

    /** Row-major position in a tensor of {@code shape} of broadcast index {@code idx} (aligned right). */
    static int broadcastIndex(int[] idx, int[] shape) {
        int pos = 0;
        int lead = idx.length - shape.length;
        for (int d = 0; d < shape.length; d++) {
            pos = pos * shape[d] + (shape[d] == 1 ? 0 : idx[lead + d]);
        }
        return pos;
    }
}
