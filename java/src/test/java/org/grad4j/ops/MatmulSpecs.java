package org.grad4j.ops;

import static org.grad4j.ops.Inputs.randn;

import java.util.List;
import org.grad4j.tensor.Tensor;

/** matmul: 2-D, vector cases, batched with broadcast, transposed operands, and shape errors. */
final class MatmulSpecs {
    private MatmulSpecs() {
    }

    static List<OpSpec> all() {
        return List.of(OpSpec.op("matmul")
                .sample("2-D", in -> in[0].matmul(in[1]), new int[] {3, 5}, MatmulSpecs::reference,
                        randn(3, 4), randn(4, 5))
                .sample("transposed operands", in -> in[0].matmul(in[1]), new int[] {3, 5},
                        MatmulSpecs::reference, Inputs.transposed(3, 4), Inputs.transposed(4, 5))
                .sample("strided operand", in -> in[0].matmul(in[1]), new int[] {3, 2},
                        MatmulSpecs::reference, Inputs.strided(3, 4), randn(4, 2))
                .sample("batched, broadcast batch", in -> in[0].matmul(in[1]), new int[] {2, 3, 2, 5},
                        MatmulSpecs::reference, randn(2, 1, 2, 4), randn(3, 4, 5))
                .sample("matrix @ vector", in -> in[0].matmul(in[1]), new int[] {3}, in -> {
                    double[] out = new double[3];
                    for (int i = 0; i < 3; i++) {
                        for (int k = 0; k < 4; k++) {
                            out[i] += in.v(0)[i * 4 + k] * in.v(1)[k];
                        }
                    }
                    return out;
                }, randn(3, 4), randn(4))
                .sample("vector @ vector", in -> in[0].matmul(in[1]), new int[] {}, in -> {
                    double s = 0;
                    for (int k = 0; k < 4; k++) {
                        s += in.v(0)[k] * in.v(1)[k];
                    }
                    return new double[] {s};
                }, randn(4), randn(4))
                .sample("size-1 dims", in -> in[0].matmul(in[1]), new int[] {1, 1}, MatmulSpecs::reference,
                        randn(1, 7), randn(7, 1))
                .error("inner dims", () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)),
                        "matmul: [2, 3] @ [4, 5]: inner dimensions 3 != 4")
                .error("batch dims", () -> Tensor.zeros(2, 2, 3).matmul(Tensor.zeros(3, 3, 4)),
                        "batch dimensions [2] and [3] cannot be broadcast")
                .error("scalar", () -> Tensor.scalar(1f).matmul(Tensor.zeros(3)), "matmul: both arguments"));
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
        int[] batch = org.grad4j.tensor.Shapes.broadcast("ref", aBatch, bBatch);
        int count = org.grad4j.tensor.Shapes.numel(batch);
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
