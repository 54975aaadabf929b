package org.grad4j.internal.ops;

import static org.grad4j.internal.ops.Inputs.randn;

import java.util.List;
import org.grad4j.tensor.Tensor;

/** conv2d (stride, padding, dilation, groups, bias), maxPool2d and avgPool2d against direct loops. */
final class ConvSpecs {
    private ConvSpecs() {}

    static List<OpSpec> all() {
        return List.of(
                OpSpec.op("conv2d")
                        .sample(
                                "padding 1, bias",
                                in -> in[0].conv2d(in[1], in[2], 1, 1),
                                new int[] {2, 3, 5, 4},
                                in -> conv(in, 1, 1, 1, 1, true),
                                randn(2, 2, 5, 4),
                                randn(3, 2, 3, 3),
                                randn(3))
                        .sample(
                                "stride 2, dilation 2, groups 2",
                                in -> in[0].conv2d(in[1], null, 2, 1, 2, 2),
                                new int[] {1, 4, 4, 3},
                                in -> conv(in, 2, 1, 2, 2, false),
                                randn(1, 4, 7, 6),
                                randn(4, 2, 2, 2))
                        .error(
                                "3-D input",
                                () -> Tensor.zeros(2, 5, 5).conv2d(Tensor.zeros(1, 2, 3, 3), null),
                                "conv2d: input must be 4-D")
                        .error(
                                "channels",
                                () -> Tensor.zeros(1, 3, 5, 5).conv2d(Tensor.zeros(1, 2, 3, 3), null),
                                "conv2d: weight expects 2 input channels but the input has 3")
                        .error(
                                "kernel too large",
                                () -> Tensor.zeros(1, 1, 2, 2).conv2d(Tensor.zeros(1, 1, 3, 3), null),
                                "conv2d: kernel 3x3")
                        .error(
                                "bias",
                                () -> Tensor.zeros(1, 1, 3, 3).conv2d(Tensor.zeros(2, 1, 1, 1), Tensor.zeros(3)),
                                "conv2d: bias must have shape [2]")
                        // padding made the output non-empty, so the Java backend accepted it and the native one not
                        .error(
                                "empty height",
                                () -> Tensor.zeros(1, 3, 0, 5).conv2d(Tensor.zeros(3, 3, 1, 3), null, 2, 1, 1, 1),
                                "conv2d: input channels, height and width must be > 0"),
                OpSpec.op("maxPool2d")
                        .sample(
                                "kernel 2",
                                in -> in[0].maxPool2d(2),
                                new int[] {1, 2, 2, 3},
                                in -> pool(in, 2, 2, 0, true),
                                SafeInputs.distinct(1, 2, 4, 6))
                        .sample(
                                "kernel 3, stride 2, padding 1",
                                in -> in[0].maxPool2d(3, 2, 1),
                                new int[] {2, 1, 3, 3},
                                in -> pool(in, 3, 2, 1, true),
                                SafeInputs.distinct(2, 1, 5, 5))
                        .error(
                                "padding",
                                () -> Tensor.zeros(1, 1, 4, 4).maxPool2d(2, 2, 2),
                                "maxPool2d: padding [2, 2] must be at most half the kernel")
                        .error(
                                "stride 0",
                                () -> Tensor.zeros(1, 1, 4, 4).maxPool2d(2, 0, 0),
                                "maxPool2d: stride must be >= 1")
                        .error(
                                "empty plane, padded",
                                () -> Tensor.zeros(4, 2, 0, 0).maxPool2d(2, 2, 1),
                                "maxPool2d: the input of shape [4, 2, 0, 0] has an empty plane"),
                OpSpec.op("avgPool2d")
                        .sample(
                                "kernel 3, padding counted",
                                in -> in[0].avgPool2d(3, 2, 1),
                                new int[] {1, 2, 3, 2},
                                in -> pool(in, 3, 2, 1, false),
                                randn(1, 2, 5, 4))
                        .error(
                                "kernel too large",
                                () -> Tensor.zeros(1, 1, 2, 2).avgPool2d(3),
                                "avgPool2d: kernel [3, 3] is larger"));
    }

    private static double[] conv(OpSpec.Values in, int s, int p, int d, int groups, boolean bias) {
        int[] xs = in.shape(0);
        int[] ws = in.shape(1);
        int oh = (xs[2] + 2 * p - d * (ws[2] - 1) - 1) / s + 1;
        int ow = (xs[3] + 2 * p - d * (ws[3] - 1) - 1) / s + 1;
        int cg = ws[1];
        int og = ws[0] / groups;
        double[] y = new double[xs[0] * ws[0] * oh * ow];
        for (int n = 0; n < xs[0]; n++) {
            for (int o = 0; o < ws[0]; o++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double sum = bias ? in.v(2)[o] : 0;
                        for (int c = 0; c < cg; c++) {
                            for (int a = 0; a < ws[2]; a++) {
                                for (int b = 0; b < ws[3]; b++) {
                                    int h = i * s - p + a * d;
                                    int w = j * s - p + b * d;
                                    if (h >= 0 && h < xs[2] && w >= 0 && w < xs[3]) {
                                        int ci = (o / og) * cg + c;
                                        sum += in.v(0)[((n * xs[1] + ci) * xs[2] + h) * xs[3] + w]
                                                * in.v(1)[((o * cg + c) * ws[2] + a) * ws[3] + b];
                                    }
                                }
                            }
                        }
                        y[((n * ws[0] + o) * oh + i) * ow + j] = sum;
                    }
                }
            }
        }
        return y;
    }

    private static double[] pool(OpSpec.Values in, int k, int s, int p, boolean max) {
        int[] xs = in.shape(0);
        int oh = (xs[2] + 2 * p - k) / s + 1;
        int ow = (xs[3] + 2 * p - k) / s + 1;
        double[] y = new double[xs[0] * xs[1] * oh * ow];
        for (int plane = 0; plane < xs[0] * xs[1]; plane++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    for (int a = 0; a < k; a++) {
                        for (int b = 0; b < k; b++) {
                            int h = i * s - p + a;
                            int w = j * s - p + b;
                            if (h >= 0 && h < xs[2] && w >= 0 && w < xs[3]) {
                                double v = in.v(0)[(plane * xs[2] + h) * xs[3] + w];
                                acc = max ? Math.max(acc, v) : acc + v;
                            }
                        }
                    }
                    y[(plane * oh + i) * ow + j] = max ? acc : acc / (k * k);
                }
            }
        }
        return y;
    }
}
