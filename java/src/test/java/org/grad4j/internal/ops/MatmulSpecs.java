package org.grad4j.internal.ops;

import static org.grad4j.internal.ops.Inputs.randn;

import java.util.List;
import org.grad4j.tensor.Tensor;

/**
 * matmul: 2-D, vector cases, batched with broadcast, transposed operands, and shape errors; linear
 * (x·Wᵀ + b) with and without bias, on 1-D, 3-D and transposed inputs.
 */
final class MatmulSpecs {
    private MatmulSpecs() {}

    static List<OpSpec> all() {
        return List.of(matmul(), linear());
    }

    private static OpSpec matmul() {
        return OpSpec.op("matmul")
                .sample(
                        "2-D",
                        in -> in[0].matmul(in[1]),
                        new int[] {3, 5},
                        MatmulSpecs::reference,
                        randn(3, 4),
                        randn(4, 5))
                .sample(
                        "transposed operands",
                        in -> in[0].matmul(in[1]),
                        new int[] {3, 5},
                        MatmulSpecs::reference,
                        Inputs.transposed(3, 4),
                        Inputs.transposed(4, 5))
                .sample(
                        "strided operand",
                        in -> in[0].matmul(in[1]),
                        new int[] {3, 2},
                        MatmulSpecs::reference,
                        Inputs.strided(3, 4),
                        randn(4, 2))
                .sample(
                        "batched, broadcast batch",
                        in -> in[0].matmul(in[1]),
                        new int[] {2, 3, 2, 5},
                        MatmulSpecs::reference,
                        randn(2, 1, 2, 4),
                        randn(3, 4, 5))
                .sample(
                        "matrix @ vector",
                        in -> in[0].matmul(in[1]),
                        new int[] {3},
                        in -> {
                            double[] out = new double[3];
                            for (int i = 0; i < 3; i++) {
                                for (int k = 0; k < 4; k++) {
                                    out[i] += in.v(0)[i * 4 + k] * in.v(1)[k];
                                }
                            }
                            return out;
                        },
                        randn(3, 4),
                        randn(4))
                .sample(
                        "vector @ vector",
                        in -> in[0].matmul(in[1]),
                        new int[] {},
                        in -> {
                            double s = 0;
                            for (int k = 0; k < 4; k++) {
                                s += in.v(0)[k] * in.v(1)[k];
                            }
                            return new double[] {s};
                        },
                        randn(4),
                        randn(4))
                .sample(
                        "size-1 dims",
                        in -> in[0].matmul(in[1]),
                        new int[] {1, 1},
                        MatmulSpecs::reference,
                        randn(1, 7),
                        randn(7, 1))
                .error(
                        "inner dims",
                        () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)),
                        "matmul: [2, 3] @ [4, 5]: inner dimensions 3 != 4")
                .error(
                        "batch dims",
                        () -> Tensor.zeros(2, 2, 3).matmul(Tensor.zeros(3, 3, 4)),
                        "batch dimensions [2] and [3] cannot be broadcast")
                .error("scalar", () -> Tensor.scalar(1f).matmul(Tensor.zeros(3)), "matmul: both arguments");
    }

    private static OpSpec linear() {
        return OpSpec.op("linear")
                .sample(
                        "2-D with bias",
                        in -> in[0].linear(in[1], in[2]),
                        new int[] {3, 2},
                        MatmulSpecs::linearReference,
                        randn(3, 4),
                        randn(2, 4),
                        randn(2))
                .sample(
                        "no bias",
                        in -> in[0].linear(in[1], null),
                        new int[] {3, 2},
                        MatmulSpecs::linearReference,
                        randn(3, 4),
                        randn(2, 4))
                .sample(
                        "3-D input",
                        in -> in[0].linear(in[1], in[2]),
                        new int[] {2, 3, 5},
                        MatmulSpecs::linearReference,
                        randn(2, 3, 4),
                        randn(5, 4),
                        randn(5))
                .sample(
                        "1-D input",
                        in -> in[0].linear(in[1], in[2]),
                        new int[] {2},
                        MatmulSpecs::linearReference,
                        randn(3),
                        randn(2, 3),
                        randn(2))
                .sample(
                        "transposed input and weight",
                        in -> in[0].linear(in[1], in[2]),
                        new int[] {4, 3},
                        MatmulSpecs::linearReference,
                        Inputs.transposed(4, 5),
                        Inputs.transposed(3, 5),
                        randn(3))
                .sample(
                        "one feature",
                        in -> in[0].linear(in[1], in[2]),
                        new int[] {3, 1},
                        MatmulSpecs::linearReference,
                        randn(3, 1),
                        randn(1, 1),
                        randn(1))
                .error(
                        "in features",
                        () -> Tensor.zeros(2, 3).linear(Tensor.zeros(4, 5), null),
                        "linear: expects input [*, in], weight [out, in] and bias [out], got [2, 3], [4, 5] and no bias")
                .error(
                        "bias length",
                        () -> Tensor.zeros(2, 3).linear(Tensor.zeros(4, 3), Tensor.zeros(3)),
                        "linear: expects input [*, in], weight [out, in] and bias [out], got [2, 3], [4, 3] and [3]")
                .error(
                        "scalar input",
                        () -> Tensor.scalar(1f).linear(Tensor.zeros(1, 1), null),
                        "linear: expects input [*, in]");
    }

    /** out[r, o] = Σ_i x[r, i]·w[o, i] + b[o] over the rows r of x [*, in]. */
    static double[] linearReference(OpSpec.Values in) {
        int[] ws = in.shape(1);
        int outFeatures = ws[0];
        int inFeatures = ws[1];
        int rows = in.v(0).length / inFeatures;
        double[] out = new double[rows * outFeatures];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < outFeatures; o++) {
                double s = in.values().length > 2 ? in.v(2)[o] : 0;
                for (int i = 0; i < inFeatures; i++) {
                    s += in.v(0)[r * inFeatures + i] * in.v(1)[o * inFeatures + i];
                }
                out[r * outFeatures + o] = s;
            }
        }
        return out;
    }

    /** Batched reference over the broadcast batch of two tensors of rank >= 2. */
    static double[] reference(OpSpec.Values in) {
        int[] as = in.shape(0);
        int[] bs = in.shape(1);
        int m = as[as.length - 2];
        int k = as[as.length - 1];
        int n = bs[bs.length - 1];
        int[] aBatch = java.util.Arrays.copyOf(as, as.length - 2);
        int[] bBatch = java.util.Arrays.copyOf(bs, bs.length - 2);
        int[] batch = org.grad4j.internal.tensor.Shapes.broadcast("ref", aBatch, bBatch);
        int count = org.grad4j.internal.tensor.Shapes.numel(batch);
        double[] out = new double[count * m * n];
        for (int bi = 0; bi < count; bi++) {
            int[] idx = Refs.unravel(bi, batch);
            int aBase = (aBatch.length == 0 ? 0 : Refs.broadcastIndex(idx, aBatch)) * m * k;
            int bBase = (bBatch.length == 0 ? 0 : Refs.broadcastIndex(idx, bBatch)) * k * n;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += in.v(0)[aBase + i * k + p] * in.v(1)[bBase + p * n + j];
                    }
                    out[(bi * m + i) * n + j] = s;
                }
            }
        }
        return out;
    }
}
