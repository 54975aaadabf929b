package org.grad4j.internal.ops;

import static org.grad4j.internal.ops.Inputs.randn;

import java.util.List;
import org.grad4j.tensor.Tensor;

/** The fused primitives: softmax, logSoftmax and crossEntropy, including large logits. */
final class FusedSpecs {
    private FusedSpecs() {}

    static List<OpSpec> all() {
        Tensor targets = Tensor.of(new float[] {2, 0, 1, 2}, 4);
        return List.of(
                OpSpec.op("softmax")
                        .sample(
                                "last dim",
                                in -> in[0].softmax(-1),
                                new int[] {3, 4},
                                in -> softmax(in, false, 3, 4),
                                randn(3, 4))
                        .sample(
                                "dim 0 of a transposed input",
                                in -> in[0].softmax(0),
                                new int[] {4, 3},
                                in -> transposedSoftmax(in, false),
                                Inputs.transposed(4, 3))
                        .sample(
                                "size-1 dim",
                                in -> in[0].softmax(1),
                                new int[] {3, 1},
                                in -> new double[] {1, 1, 1},
                                randn(3, 1))
                        .error("dim out of range", () -> Tensor.zeros(2, 3).softmax(2), "softmax: dim 2 out of range"),
                OpSpec.op("logSoftmax")
                        .sample(
                                "last dim",
                                in -> in[0].logSoftmax(1),
                                new int[] {3, 4},
                                in -> softmax(in, true, 3, 4),
                                randn(3, 4))
                        .sample(
                                "dim 0 of a transposed input",
                                in -> in[0].logSoftmax(0),
                                new int[] {4, 3},
                                in -> transposedSoftmax(in, true),
                                Inputs.transposed(4, 3))
                        .forwardOnly(
                                "logits of ±1000 stay finite",
                                in -> in[0].logSoftmax(1),
                                new int[] {2, 3},
                                in -> softmax(in, true, 2, 3),
                                Tensor.of(new float[] {1000, 0, -1000, -1000, 999, 1000}, 2, 3))
                        .error(
                                "dim out of range",
                                () -> Tensor.zeros(2, 3).logSoftmax(-3),
                                "logSoftmax: dim -3 out of range"),
                OpSpec.op("crossEntropy")
                        .sample(
                                "mean over rows",
                                in -> in[0].crossEntropy(targets),
                                new int[] {},
                                in -> crossEntropy(in, targets),
                                randn(4, 3))
                        .sample(
                                "transposed logits",
                                in -> in[0].crossEntropy(targets),
                                new int[] {},
                                in -> crossEntropy(in, targets),
                                Inputs.transposed(4, 3))
                        .forwardOnly(
                                "large logits",
                                in -> in[0].crossEntropy(targets),
                                new int[] {},
                                in -> crossEntropy(in, targets),
                                Tensor.of(new float[] {1000, 0, -1000, 5, 1000, 0, 0, 0, 0, -500, 500, 0}, 4, 3))
                        .error(
                                "target length",
                                () -> Tensor.zeros(4, 3).crossEntropy(Tensor.zeros(3)),
                                "crossEntropy: expects logits [N, C] with C > 0 and targets [N], got [4, 3] and [3]")
                        .error(
                                "target out of range",
                                () -> Tensor.zeros(1, 3).crossEntropy(Tensor.of(new float[] {3}, 1)),
                                "crossEntropy: index 3.0 out of range [0, 3)"));
    }

    private static double[] softmax(OpSpec.Values in, boolean log, int rows, int cols) {
        double[] x = in.v(0);
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x[r * cols + j]);
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += Math.exp(x[r * cols + j] - max);
            }
            for (int j = 0; j < cols; j++) {
                double shifted = x[r * cols + j] - max;
                out[r * cols + j] = log ? shifted - Math.log(sum) : Math.exp(shifted) / sum;
            }
        }
        return out;
    }

    /** Softmax over dim 0 of a [4, 3] input: the row-wise reference on its transpose, transposed back. */
    private static double[] transposedSoftmax(OpSpec.Values in, boolean log) {
        double[] x = in.v(0);
        double[] t = new double[12];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                t[j * 4 + i] = x[i * 3 + j];
            }
        }
        double[] s = softmax(new OpSpec.Values(new double[][] {t}, new int[][] {{3, 4}}), log, 3, 4);
        double[] out = new double[12];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                out[i * 3 + j] = s[j * 4 + i];
            }
        }
        return out;
    }

    private static double[] crossEntropy(OpSpec.Values in, Tensor targets) {
        double[] logp = softmax(in, true, 4, 3);
        float[] t = targets.toArray();
        double loss = 0;
        for (int r = 0; r < 4; r++) {
            loss -= logp[r * 3 + (int) t[r]] / 4;
        }
        return new double[] {loss};
    }
}
