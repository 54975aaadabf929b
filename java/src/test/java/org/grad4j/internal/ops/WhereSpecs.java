package org.grad4j.internal.ops;

import static org.grad4j.internal.ops.Inputs.randn;

import java.util.List;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * where(cond, a, b) with all three broadcast, and maskedFill. The condition is a constant mask
 * (any non-zero value counts as true); gradcheck covers a and b, or the filled input.
 */
final class WhereSpecs {
    private WhereSpecs() {}

    static List<OpSpec> all() {
        return List.of(where(), maskedFill());
    }

    private static OpSpec where() {
        return OpSpec.op("where")
                .sample(
                        "same shape",
                        WhereSpecs::where,
                        new int[] {2, 3},
                        WhereSpecs::reference,
                        mask(2, 3),
                        randn(2, 3),
                        randn(2, 3))
                .sample(
                        "broadcast all three",
                        WhereSpecs::where,
                        new int[] {2, 4, 3},
                        WhereSpecs::reference,
                        mask(2, 1, 3),
                        randn(4, 1),
                        randn(3))
                .sample(
                        "0-d branches",
                        WhereSpecs::where,
                        new int[] {2, 3},
                        WhereSpecs::reference,
                        mask(2, 3),
                        randn(),
                        randn())
                .sample(
                        "non-zero condition values",
                        WhereSpecs::where,
                        new int[] {4},
                        WhereSpecs::reference,
                        Inputs.constant(new float[] {0f, -1f, 2.5f, 0f}, 4),
                        randn(4),
                        randn(4))
                .sample(
                        "transposed and strided",
                        WhereSpecs::where,
                        new int[] {3, 4},
                        WhereSpecs::reference,
                        SafeInputs.transposed(mask(4, 3)),
                        Inputs.transposed(3, 4),
                        Inputs.strided(3, 4))
                .sample(
                        "size-1 dims",
                        WhereSpecs::where,
                        new int[] {1, 3},
                        WhereSpecs::reference,
                        Inputs.constant(new float[] {0, 1, 1}, 1, 3),
                        randn(1, 3),
                        randn(1, 1))
                .sample(
                        "empty",
                        WhereSpecs::where,
                        new int[] {0, 3},
                        WhereSpecs::reference,
                        mask(0, 1),
                        randn(3),
                        randn(0, 3))
                .error(
                        "bad broadcast",
                        () -> Tensor.where(Tensor.zeros(2), Tensor.zeros(3), Tensor.zeros(1)),
                        "where: condition [2], a [3] and b [1] cannot be broadcast together")
                .error(
                        "null condition",
                        () -> Tensor.where(null, Tensor.zeros(3), Tensor.zeros(3)),
                        "where: input 0 is null");
    }

    private static OpSpec maskedFill() {
        OpSpec.Reference ref = Refs.binary((x, m) -> m != 0 ? -1e9 : x);
        return OpSpec.op("maskedFill")
                .sample(
                        "same shape",
                        in -> in[0].maskedFill(in[1], -1e9f),
                        new int[] {2, 3},
                        ref,
                        randn(2, 3),
                        mask(2, 3))
                .sample(
                        "broadcast mask",
                        in -> in[0].maskedFill(in[1], -1e9f),
                        new int[] {4, 3},
                        ref,
                        randn(4, 3),
                        mask(3))
                .sample(
                        "transposed input and mask",
                        in -> in[0].maskedFill(in[1], -1e9f),
                        new int[] {3, 4},
                        ref,
                        Inputs.transposed(3, 4),
                        SafeInputs.transposed(mask(4, 3)))
                .sample(
                        "strided input",
                        in -> in[0].maskedFill(in[1], -1e9f),
                        new int[] {3, 4},
                        ref,
                        Inputs.strided(3, 4),
                        mask(1, 4))
                .sample("empty", in -> in[0].maskedFill(in[1], -1e9f), new int[] {0, 3}, ref, randn(0, 3), mask(3))
                .error(
                        "bad broadcast",
                        () -> Tensor.zeros(2, 3).maskedFill(Tensor.zeros(4), 0f),
                        "maskedFill: shapes [2, 3] and [4] cannot be broadcast")
                .error("null mask", () -> Tensor.zeros(2, 3).maskedFill(null, 0f), "maskedFill: mask is null");
    }

    private static Tensor where(Tensor[] in) {
        return Tensor.where(in[0], in[1], in[2]);
    }

    /**
     * A constant 0/1 condition alternating in row-major order, so that every mask of two or more
     * elements takes both branches (random ones of a few elements came out all true or all false).
     */
    private static Tensor mask(int... shape) {
        float[] v = new float[Shapes.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 2 == 0 ? 1 : 0;
        }
        return Tensor.of(v, shape);
    }

    private static double[] reference(OpSpec.Values in) {
        int[] shape = Shapes.broadcast("ref", Shapes.broadcast("ref", in.shape(0), in.shape(1)), in.shape(2));
        double[] out = new double[Shapes.numel(shape)];
        for (int i = 0; i < out.length; i++) {
            int[] idx = Refs.unravel(i, shape);
            double a = in.v(1)[Refs.broadcastIndex(idx, in.shape(1))];
            double b = in.v(2)[Refs.broadcastIndex(idx, in.shape(2))];
            out[i] = in.v(0)[Refs.broadcastIndex(idx, in.shape(0))] != 0 ? a : b;
        }
        return out;
    }
}
