package org.grad4j.internal.ops;

import static org.grad4j.internal.ops.Inputs.randn;

import java.util.List;
import org.grad4j.tensor.Tensor;

/** View ops: the reference is the input's values re-indexed, so each op checks its layout arithmetic. */
final class ShapeSpecs {
    private ShapeSpecs() {}

    /** out[i, j] = in[j, i] for a [rows, cols] input. */
    private static double[] transpose(double[] x, int rows, int cols) {
        double[] out = new double[x.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j * rows + i] = x[i * cols + j];
            }
        }
        return out;
    }

    static List<OpSpec> all() {
        return List.of(
                OpSpec.op("reshape")
                        .sample(
                                "inferred size",
                                in -> in[0].reshape(3, -1),
                                new int[] {3, 4},
                                in -> in.v(0),
                                randn(2, 6))
                        .sample(
                                "non-contiguous input copies",
                                in -> in[0].reshape(12),
                                new int[] {12},
                                in -> in.v(0),
                                Inputs.transposed(3, 4))
                        .error(
                                "wrong size",
                                () -> Tensor.zeros(2, 3).reshape(4, 2),
                                "reshape: shape [4, 2] is invalid for input of shape [2, 3]")
                        .error("two -1", () -> Tensor.zeros(2, 3).reshape(-1, -1), "reshape: invalid shape"),
                OpSpec.op("view")
                        .sample("contiguous", in -> in[0].view(6), new int[] {6}, in -> in.v(0), randn(2, 3))
                        .error("non-contiguous", () -> Tensor.zeros(2, 3).t().view(6), "view: shape [6]"),
                OpSpec.op("transpose")
                        .sample(
                                "matrix",
                                in -> in[0].transpose(0, 1),
                                new int[] {4, 3},
                                in -> transpose(in.v(0), 3, 4),
                                randn(3, 4))
                        .sample(
                                "t of transposed",
                                in -> in[0].t(),
                                new int[] {4, 3},
                                in -> transpose(in.v(0), 3, 4),
                                Inputs.transposed(3, 4))
                        .error(
                                "dim out of range",
                                () -> Tensor.zeros(2, 3).transpose(0, 2),
                                "transpose: dim 2 out of range"),
                OpSpec.op("permute")
                        .sample(
                                "3-D",
                                in -> in[0].permute(2, 0, 1),
                                new int[] {4, 2, 3},
                                in -> {
                                    double[] out = new double[24];
                                    for (int a = 0; a < 2; a++) {
                                        for (int b = 0; b < 3; b++) {
                                            for (int c = 0; c < 4; c++) {
                                                out[(c * 2 + a) * 3 + b] = in.v(0)[(a * 3 + b) * 4 + c];
                                            }
                                        }
                                    }
                                    return out;
                                },
                                randn(2, 3, 4))
                        .error("repeated dim", () -> Tensor.zeros(2, 3).permute(0, 0), "permute: dims [0, 0] repeat")
                        .error("wrong count", () -> Tensor.zeros(2, 3).permute(0), "permute: [0] has 1 dims"),
                OpSpec.op("narrow")
                        .sample(
                                "columns",
                                in -> in[0].narrow(1, 1, 2),
                                new int[] {3, 2},
                                in -> {
                                    double[] out = new double[6];
                                    for (int i = 0; i < 3; i++) {
                                        out[i * 2] = in.v(0)[i * 4 + 1];
                                        out[i * 2 + 1] = in.v(0)[i * 4 + 2];
                                    }
                                    return out;
                                },
                                randn(3, 4))
                        .error(
                                "past the end",
                                () -> Tensor.zeros(3, 4).narrow(1, 3, 2),
                                "narrow: start 3 and length 2 do not fit dim 1 of size 4"),
                OpSpec.op("slice")
                        .sample(
                                "step 2 from -5",
                                in -> in[0].slice(0, -5, 5, 2),
                                new int[] {3},
                                in -> new double[] {in.v(0)[0], in.v(0)[2], in.v(0)[4]},
                                randn(5))
                        .sample(
                                "select a row",
                                in -> in[0].select(0, -1),
                                new int[] {4},
                                in -> java.util.Arrays.copyOfRange(in.v(0), 8, 12),
                                randn(3, 4))
                        .error("step 0", () -> Tensor.zeros(5).slice(0, 0, 5, 0), "slice: step must be > 0")
                        .error("select index", () -> Tensor.zeros(3).select(0, 3), "select: index 3 out of range"),
                OpSpec.op("expand")
                        .sample(
                                "row to matrix with a new dim",
                                in -> in[0].expand(2, 3, 4),
                                new int[] {2, 3, 4},
                                in -> {
                                    double[] out = new double[24];
                                    for (int i = 0; i < 24; i++) {
                                        out[i] = in.v(0)[i % 4];
                                    }
                                    return out;
                                },
                                randn(1, 4))
                        .error(
                                "non-1 dim",
                                () -> Tensor.zeros(2, 3).expand(4, 3),
                                "expand: cannot expand shape [2, 3]"),
                OpSpec.op("squeeze")
                        .sample("all", in -> in[0].squeeze(), new int[] {3}, in -> in.v(0), randn(1, 3, 1))
                        .sample("unsqueeze -1", in -> in[0].unsqueeze(-1), new int[] {3, 1}, in -> in.v(0), randn(3))
                        .sample(
                                "flatten 1..2",
                                in -> in[0].flatten(1, 2),
                                new int[] {2, 12},
                                in -> in.v(0),
                                randn(2, 3, 4))
                        .error("unsqueeze range", () -> Tensor.zeros(3).unsqueeze(3), "unsqueeze: dim 3 out of range")
                        .error("flatten order", () -> Tensor.zeros(2, 3).flatten(1, 0), "flatten: startDim 1"),
                OpSpec.op("contiguous")
                        .sample(
                                "of a transpose",
                                in -> in[0].contiguous(),
                                new int[] {3, 4},
                                in -> in.v(0),
                                Inputs.transposed(3, 4))
                        .sample("clone", in -> in[0].clone(), new int[] {2, 2}, in -> in.v(0), randn(2, 2)),
                OpSpec.op("detach")
                        .forwardOnly("plain", in -> in[0].detach(), new int[] {2, 3}, in -> in.v(0), randn(2, 3))
                        .forwardOnly(
                                "of a transpose",
                                in -> in[0].detach(),
                                new int[] {3, 4},
                                in -> in.v(0),
                                Inputs.transposed(3, 4)));
    }
}
