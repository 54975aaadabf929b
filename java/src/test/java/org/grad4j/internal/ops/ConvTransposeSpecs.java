package org.grad4j.internal.ops;

import static org.grad4j.internal.ops.Inputs.randn;

import java.util.List;
import org.grad4j.tensor.Tensor;

/** convTranspose2d against a scatter-style double reference: each input pixel adds w times itself. */
final class ConvTransposeSpecs {
    private ConvTransposeSpecs() {}

    static List<OpSpec> all() {
        return List.of(OpSpec.op("convTranspose2d")
                .sample(
                        "stride 2, padding 1, bias",
                        in -> in[0].convTranspose2d(in[1], in[2], 2, 1),
                        new int[] {2, 3, 5, 7},
                        in -> reference(in, 2, 1, 0, 1, 1, true),
                        randn(2, 4, 3, 4),
                        randn(4, 3, 3, 3),
                        randn(3))
                .sample(
                        "output padding, dilation, groups",
                        in -> in[0].convTranspose2d(
                                in[1], null, new int[] {2, 2}, new int[] {0, 0}, new int[] {1, 1}, new int[] {2, 2}, 2),
                        new int[] {1, 4, 8, 8},
                        in -> reference(in, 2, 0, 1, 2, 2, false),
                        randn(1, 2, 3, 3),
                        randn(2, 2, 2, 2))
                .sample(
                        "1x1 input",
                        in -> in[0].convTranspose2d(in[1], null, 1, 0),
                        new int[] {1, 2, 3, 3},
                        in -> reference(in, 1, 0, 0, 1, 1, false),
                        randn(1, 1, 1, 1),
                        randn(1, 2, 3, 3))
                .error(
                        "3-D input",
                        () -> Tensor.zeros(4, 3, 3).convTranspose2d(Tensor.zeros(4, 2, 3, 3), null, 1, 0),
                        "convTranspose2d: input must be 4-D")
                .error(
                        "channel mismatch",
                        () -> Tensor.zeros(1, 4, 3, 3).convTranspose2d(Tensor.zeros(3, 2, 3, 3), null, 1, 0),
                        "convTranspose2d: weight expects 3 input channels but the input has 4")
                .error(
                        "output padding too large",
                        () -> Tensor.zeros(1, 1, 3, 3)
                                .convTranspose2d(
                                        Tensor.zeros(1, 1, 3, 3),
                                        null,
                                        new int[] {1, 1},
                                        new int[] {0, 0},
                                        new int[] {1, 1},
                                        new int[] {1, 1},
                                        1),
                        "outputPadding [1, 1] must be smaller than stride [1, 1]")
                .error(
                        "output padding below dilation but not stride",
                        () -> Tensor.zeros(1, 1, 3, 3)
                                .convTranspose2d(
                                        Tensor.zeros(1, 1, 2, 2),
                                        null,
                                        new int[] {1, 1},
                                        new int[] {0, 0},
                                        new int[] {1, 1},
                                        new int[] {3, 3},
                                        1),
                        "outputPadding [1, 1] must be smaller than stride")
                .error(
                        "bias shape",
                        () -> Tensor.zeros(1, 1, 3, 3).convTranspose2d(Tensor.zeros(1, 2, 3, 3), Tensor.zeros(3), 1, 0),
                        "convTranspose2d: bias must have shape [2], got [3]"));
    }

    /** y[n, g·og + o, i·s − p + a·d, j·s − p + b·d] += x[n, g·cg + c, i, j] · w[g·cg + c, o, a, b]. */
    private static double[] reference(OpSpec.Values in, int s, int p, int outPad, int d, int groups, boolean bias) {
        int[] xs = in.shape(0);
        int[] ws = in.shape(1);
        int n = xs[0];
        int cIn = xs[1];
        int h = xs[2];
        int w = xs[3];
        int og = ws[1];
        int kh = ws[2];
        int kw = ws[3];
        int cOut = og * groups;
        int cg = cIn / groups;
        int oh = (h - 1) * s - 2 * p + d * (kh - 1) + outPad + 1;
        int ow = (w - 1) * s - 2 * p + d * (kw - 1) + outPad + 1;
        double[] y = new double[n * cOut * oh * ow];
        for (int b = 0; b < n; b++) {
            for (int ci = 0; ci < cIn; ci++) {
                int g = ci / cg;
                for (int o = 0; o < og; o++) {
                    for (int i = 0; i < h; i++) {
                        for (int j = 0; j < w; j++) {
                            for (int a = 0; a < kh; a++) {
                                for (int c = 0; c < kw; c++) {
                                    int yi = i * s - p + a * d;
                                    int yj = j * s - p + c * d;
                                    if (yi < 0 || yi >= oh || yj < 0 || yj >= ow) {
                                        continue;
                                    }
                                    y[((b * cOut + g * og + o) * oh + yi) * ow + yj] +=
                                            in.v(0)[((b * cIn + ci) * h + i) * w + j]
                                                    * in.v(1)[((ci * og + o) * kh + a) * kw + c];
                                }
                            }
                        }
                    }
                }
            }
        }
        if (bias) {
            for (int i = 0; i < y.length; i++) {
                y[i] += in.v(2)[(i / (oh * ow)) % cOut];
            }
        }
        return y;
    }
}
