package org.grad4j.internal.ops;

import static org.grad4j.internal.ops.Inputs.randn;

import java.util.List;
import org.grad4j.tensor.Tensor;

/** cat, stack, split, indexSelect and gather. */
final class JoinIndexSpecs {
    private JoinIndexSpecs() {}

    static List<OpSpec> all() {
        Tensor index = Tensor.of(new float[] {2, 0, 2}, 3);
        Tensor labels = Tensor.of(new float[] {1, 0, 3}, 3, 1);
        return List.of(
                OpSpec.op("cat")
                        .sample(
                                "dim 1, different widths",
                                in -> Tensor.cat(1, in[0], in[1]),
                                new int[] {2, 5},
                                in -> {
                                    double[] out = new double[10];
                                    for (int i = 0; i < 2; i++) {
                                        System.arraycopy(in.v(0), i * 2, out, i * 5, 2);
                                        System.arraycopy(in.v(1), i * 3, out, i * 5 + 2, 3);
                                    }
                                    return out;
                                },
                                randn(2, 2),
                                Inputs.transposed(2, 3))
                        .sample(
                                "dim 0",
                                in -> Tensor.cat(0, in[0], in[1]),
                                new int[] {3, 2},
                                in -> {
                                    double[] out = new double[6];
                                    System.arraycopy(in.v(0), 0, out, 0, 2);
                                    System.arraycopy(in.v(1), 0, out, 2, 4);
                                    return out;
                                },
                                randn(1, 2),
                                randn(2, 2))
                        .error(
                                "mismatch",
                                () -> Tensor.cat(0, Tensor.zeros(2, 3), Tensor.zeros(2, 4)),
                                "cat: tensor 1 has shape [2, 4], expected [2, 3] except in dim 0"),
                OpSpec.op("stack")
                        .sample(
                                "new last dim",
                                in -> Tensor.stack(List.of(in[0], in[1]), -1),
                                new int[] {3, 2},
                                in -> {
                                    double[] out = new double[6];
                                    for (int i = 0; i < 3; i++) {
                                        out[i * 2] = in.v(0)[i];
                                        out[i * 2 + 1] = in.v(1)[i];
                                    }
                                    return out;
                                },
                                randn(3),
                                randn(3))
                        .error(
                                "shapes differ",
                                () -> Tensor.stack(List.of(Tensor.zeros(2), Tensor.zeros(3)), 0),
                                "stack: shapes [2] and [3] must be equal"),
                OpSpec.op("split")
                        .sample(
                                "pieces recombined",
                                in -> {
                                    List<Tensor> parts = in[0].split(2, 0);
                                    return parts.get(0)
                                            .mul(2f)
                                            .sum()
                                            .add(parts.get(2).sum());
                                },
                                new int[] {},
                                in -> new double[] {2 * (in.v(0)[0] + in.v(0)[1]) + in.v(0)[4]},
                                randn(5))
                        .error("sizes", () -> Tensor.zeros(5).split(new int[] {2, 2}, 0), "split: sizes [2, 2]"),
                OpSpec.op("indexSelect")
                        .sample(
                                "rows with repeats",
                                in -> in[0].indexSelect(0, index),
                                new int[] {3, 2},
                                in -> {
                                    double[] x = in.v(0);
                                    return new double[] {x[4], x[5], x[0], x[1], x[4], x[5]};
                                },
                                randn(3, 2))
                        .sample(
                                "columns of a transpose",
                                in -> in[0].indexSelect(1, index),
                                new int[] {2, 3},
                                in -> {
                                    double[] x = in.v(0);
                                    return new double[] {x[2], x[0], x[2], x[5], x[3], x[5]};
                                },
                                Inputs.transposed(2, 3))
                        .error(
                                "out of range",
                                () -> Tensor.zeros(3).indexSelect(0, Tensor.of(new float[] {5}, 1)),
                                "indexSelect: index 5.0 out of range")
                        .error(
                                "2-D index",
                                () -> Tensor.zeros(3).indexSelect(0, Tensor.zeros(1, 1)),
                                "indexSelect: needs a 1-D index"),
                OpSpec.op("gather")
                        .sample(
                                "the cross-entropy pattern",
                                in -> in[0].gather(1, labels),
                                new int[] {3, 1},
                                in -> {
                                    double[] x = in.v(0);
                                    return new double[] {x[1], x[4], x[11]};
                                },
                                randn(3, 4))
                        .error(
                                "index shape",
                                () -> Tensor.zeros(3, 4).gather(1, Tensor.zeros(2, 1)),
                                "gather: index of shape [2, 1]")
                        .error(
                                "out of range",
                                () -> Tensor.zeros(3, 4).gather(1, Tensor.full(4f, 3, 1)),
                                "gather: index 4.0 out of range"));
    }
}
