package org.grad4j.internal.ops;

import static org.grad4j.internal.ops.Inputs.randn;
import static org.grad4j.internal.ops.SafeInputs.distinct;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * sum, mean, max, min, argmax, argmin, softmax and logSoftmax: over all elements, one dim (with
 * and without keepDim, negative dims), several dims, views, size-1 and empty dims. max and min
 * take inputs without near-ties, so gradcheck's steps never change the winner.
 */
final class ReductionSpecs {
    private ReductionSpecs() {}

    /** A reduction over one dim, like {@code Tensor::max}. */
    @FunctionalInterface
    private interface DimOp {
        Tensor apply(Tensor x, int dim, boolean keepDim);
    }

    static List<OpSpec> all() {
        return List.of(
                sum(),
                mean(),
                extremum("max", Tensor::max, Tensor::max, Double.NEGATIVE_INFINITY, Math::max),
                extremum("min", Tensor::min, Tensor::min, Double.POSITIVE_INFINITY, Math::min),
                arg("argmax", Tensor::argmax, Tensor::argmax, true),
                arg("argmin", Tensor::argmin, Tensor::argmin, false),
                softmax("softmax", Tensor::softmax, false),
                softmax("logSoftmax", Tensor::logSoftmax, true));
    }

    private static OpSpec sum() {
        return OpSpec.op("sum")
                .sample("all", in -> in[0].sum(), new int[] {}, fold(null, 0, Double::sum), randn(2, 3))
                .sample("dim 1", in -> in[0].sum(1), new int[] {2}, fold(new int[] {1}, 0, Double::sum), randn(2, 3))
                .sample(
                        "dim 0, keepDim",
                        in -> in[0].sum(0, true),
                        new int[] {1, 3},
                        fold(new int[] {0}, 0, Double::sum),
                        randn(2, 3))
                .sample(
                        "negative dim",
                        in -> in[0].sum(-1),
                        new int[] {2, 3},
                        fold(new int[] {2}, 0, Double::sum),
                        randn(2, 3, 4))
                .sample(
                        "dims 0 and 2, keepDim",
                        in -> in[0].sum(new int[] {0, 2}, true),
                        new int[] {1, 3, 1},
                        fold(new int[] {0, 2}, 0, Double::sum),
                        randn(2, 3, 4))
                .sample(
                        "dims -1 and 0",
                        in -> in[0].sum(new int[] {-1, 0}, false),
                        new int[] {3},
                        fold(new int[] {0, 2}, 0, Double::sum),
                        randn(2, 3, 4))
                .sample(
                        "transposed",
                        in -> in[0].sum(0),
                        new int[] {4},
                        fold(new int[] {0}, 0, Double::sum),
                        Inputs.transposed(3, 4))
                .sample(
                        "strided",
                        in -> in[0].sum(1, true),
                        new int[] {3, 1},
                        fold(new int[] {1}, 0, Double::sum),
                        Inputs.strided(3, 4))
                .sample(
                        "size-1 dim",
                        in -> in[0].sum(1),
                        new int[] {3},
                        fold(new int[] {1}, 0, Double::sum),
                        randn(3, 1))
                .sample("scalar", in -> in[0].sum(), new int[] {}, fold(null, 0, Double::sum), randn())
                .sample("empty, all", in -> in[0].sum(), new int[] {}, fold(null, 0, Double::sum), randn(0, 3))
                .sample(
                        "empty dim",
                        in -> in[0].sum(0),
                        new int[] {3},
                        fold(new int[] {0}, 0, Double::sum),
                        randn(0, 3))
                .error("dim out of range", () -> Tensor.zeros(2, 3, 4).sum(3), "sum: dim 3 out of range")
                .error("negative dim out of range", () -> Tensor.zeros(2, 3).sum(-3), "sum: dim -3 out of range")
                .error(
                        "repeated dim",
                        () -> Tensor.zeros(2, 3).sum(new int[] {1, -1}, false),
                        "sum: dim -1 appears twice in [1, -1]");
    }

    private static OpSpec mean() {
        return OpSpec.op("mean")
                .sample("all", in -> in[0].mean(), new int[] {}, mean(null), randn(2, 3))
                .sample("dim 1", in -> in[0].mean(1), new int[] {2}, mean(new int[] {1}), randn(2, 3))
                .sample("dim 0, keepDim", in -> in[0].mean(0, true), new int[] {1, 3}, mean(new int[] {0}), randn(2, 3))
                .sample("negative dim", in -> in[0].mean(-2), new int[] {2, 4}, mean(new int[] {1}), randn(2, 3, 4))
                .sample("transposed", in -> in[0].mean(1), new int[] {3}, mean(new int[] {1}), Inputs.transposed(3, 4))
                .sample("strided", in -> in[0].mean(0), new int[] {4}, mean(new int[] {0}), Inputs.strided(3, 4))
                .sample("size-1 dim", in -> in[0].mean(0, true), new int[] {1, 3}, mean(new int[] {0}), randn(1, 3))
                .sample("empty rows", in -> in[0].mean(1), new int[] {0}, mean(new int[] {1}), randn(0, 3))
                .forwardOnly("empty, all (NaN)", in -> in[0].mean(), new int[] {}, mean(null), randn(0, 3))
                .error("dim out of range", () -> Tensor.zeros(2, 3).mean(2), "mean: dim 2 out of range")
                .error(
                        "negative dim out of range",
                        () -> Tensor.zeros(2, 3).mean(-3, true),
                        "mean: dim -3 out of range");
    }

    private static OpSpec extremum(
            String name, java.util.function.UnaryOperator<Tensor> all, DimOp op, double init, DoubleBinaryOperator f) {
        return OpSpec.op(name)
                .sample("all", in -> all.apply(in[0]), new int[] {}, fold(null, init, f), distinct(3, 4))
                .sample(
                        "dim 1",
                        in -> op.apply(in[0], 1, false),
                        new int[] {3},
                        fold(new int[] {1}, init, f),
                        distinct(3, 4))
                .sample(
                        "dim 0, keepDim",
                        in -> op.apply(in[0], 0, true),
                        new int[] {1, 4},
                        fold(new int[] {0}, init, f),
                        distinct(3, 4))
                .sample(
                        "negative dim",
                        in -> op.apply(in[0], -2, false),
                        new int[] {2, 4},
                        fold(new int[] {1}, init, f),
                        distinct(2, 3, 4))
                .sample(
                        "negative dim, keepDim",
                        in -> op.apply(in[0], -1, true),
                        new int[] {2, 3, 1},
                        fold(new int[] {2}, init, f),
                        distinct(2, 3, 4))
                .sample(
                        "transposed",
                        in -> op.apply(in[0], 1, false),
                        new int[] {3},
                        fold(new int[] {1}, init, f),
                        SafeInputs.transposed(distinct(4, 3)))
                .sample(
                        "strided",
                        in -> op.apply(in[0], 0, false),
                        new int[] {4},
                        fold(new int[] {0}, init, f),
                        SafeInputs.strided(distinct(3, 8)))
                .sample(
                        "size-1 dim",
                        in -> op.apply(in[0], 1, false),
                        new int[] {3},
                        fold(new int[] {1}, init, f),
                        distinct(3, 1))
                .sample("scalar", in -> all.apply(in[0]), new int[] {}, fold(null, init, f), randn())
                .sample(
                        "empty rows",
                        in -> op.apply(in[0], 1, false),
                        new int[] {0},
                        fold(new int[] {1}, init, f),
                        randn(0, 3))
                .error(
                        "empty, all",
                        () -> all.apply(Tensor.zeros(0, 3)),
                        name + ": cannot reduce an empty dimension of shape [0, 3]")
                .error("empty dim", () -> op.apply(Tensor.zeros(0, 3), 0, false), name + ": cannot reduce an empty")
                .error("dim out of range", () -> op.apply(Tensor.zeros(2, 3), 2, false), name + ": dim 2 out of range")
                .error(
                        "negative dim out of range",
                        () -> op.apply(Tensor.zeros(2, 3), -3, true),
                        name + ": dim -3 out of range");
    }

    private static OpSpec arg(String name, java.util.function.UnaryOperator<Tensor> all, DimOp op, boolean max) {
        return OpSpec.op(name)
                .forwardOnly("all", in -> all.apply(in[0]), new int[] {}, arg(null, max), randn(3, 4))
                .forwardOnly("dim 1", in -> op.apply(in[0], 1, false), new int[] {3}, arg(1, max), randn(3, 4))
                .forwardOnly(
                        "dim 0, keepDim", in -> op.apply(in[0], 0, true), new int[] {1, 4}, arg(0, max), randn(3, 4))
                .forwardOnly(
                        "negative dim", in -> op.apply(in[0], -1, false), new int[] {2, 3}, arg(2, max), randn(2, 3, 4))
                .forwardOnly(
                        "ties pick the first, all",
                        in -> all.apply(in[0]),
                        new int[] {},
                        arg(null, max),
                        SafeInputs.ints(4, 5))
                .forwardOnly(
                        "ties pick the first, dim 0",
                        in -> op.apply(in[0], 0, false),
                        new int[] {5},
                        arg(0, max),
                        SafeInputs.ints(4, 5))
                .forwardOnly(
                        "transposed",
                        in -> op.apply(in[0], 1, false),
                        new int[] {3},
                        arg(1, max),
                        Inputs.transposed(3, 4))
                .forwardOnly(
                        "strided", in -> op.apply(in[0], 0, true), new int[] {1, 4}, arg(0, max), Inputs.strided(3, 4))
                .forwardOnly("size-1 dim", in -> op.apply(in[0], 1, false), new int[] {3}, arg(1, max), randn(3, 1))
                .forwardOnly("empty rows", in -> op.apply(in[0], 1, false), new int[] {0}, arg(1, max), randn(0, 3))
                .error("empty, all", () -> all.apply(Tensor.zeros(0)), name + ": cannot reduce an empty dimension")
                .error("dim out of range", () -> op.apply(Tensor.zeros(2, 3), 2, false), name + ": dim 2 out of range");
    }

    private static OpSpec softmax(String name, java.util.function.BiFunction<Tensor, Integer, Tensor> op, boolean log) {
        return OpSpec.op(name)
                .sample("dim 0", in -> op.apply(in[0], 0), new int[] {3, 4}, softmax(0, log), randn(3, 4))
                .sample("dim 1", in -> op.apply(in[0], 1), new int[] {2, 3, 4}, softmax(1, log), randn(2, 3, 4))
                .sample("dim -1", in -> op.apply(in[0], -1), new int[] {2, 3, 4}, softmax(2, log), randn(2, 3, 4))
                .sample(
                        "transposed",
                        in -> op.apply(in[0], 1),
                        new int[] {3, 4},
                        softmax(1, log),
                        Inputs.transposed(3, 4))
                .sample("strided", in -> op.apply(in[0], 0), new int[] {3, 4}, softmax(0, log), Inputs.strided(3, 4))
                .sample("logits near ±1000", in -> op.apply(in[0], 1), new int[] {2, 3}, softmax(1, log), largeLogits())
                .forwardOnly(
                        "logits near ±1000 in one column",
                        in -> op.apply(in[0], 0),
                        new int[] {2, 3},
                        softmax(0, log),
                        largeLogits())
                .sample("size-1 dim", in -> op.apply(in[0], 1), new int[] {3, 1}, softmax(1, log), randn(3, 1))
                .sample("empty rows", in -> op.apply(in[0], 1), new int[] {0, 3}, softmax(1, log), randn(0, 3))
                .sample("empty dim", in -> op.apply(in[0], 0), new int[] {0, 3}, softmax(0, log), randn(0, 3))
                .error("dim out of range", () -> op.apply(Tensor.zeros(2, 3), 2), name + ": dim 2 out of range");
    }

    /** Row 0 near +1000, row 1 near −1000: exp would overflow (or underflow) without the max shift. */
    private static Tensor largeLogits() {
        float[] v = Inputs.uniform(-2f, 2f, 2, 3).toArray();
        for (int j = 0; j < 3; j++) {
            v[j] += 1000f;
            v[3 + j] -= 1000f;
        }
        return Tensor.of(v, 2, 3).requiresGrad(true);
    }

    /** The input's shape with the reduced dims (all when null; non-negative here) set to 1. */
    private static int[] kept(int[] shape, int[] dims) {
        int[] kept = shape.clone();
        for (int d = 0; d < shape.length; d++) {
            int dim = d;
            if (dims == null || Arrays.stream(dims).anyMatch(r -> r == dim)) {
                kept[d] = 1;
            }
        }
        return kept;
    }

    /** Folds each element into its output slot with {@code f}, starting from {@code init}. */
    private static OpSpec.Reference fold(int[] dims, double init, DoubleBinaryOperator f) {
        return in -> {
            int[] shape = in.shape(0);
            int[] kept = kept(shape, dims);
            double[] out = new double[Shapes.numel(kept)];
            Arrays.fill(out, init);
            for (int i = 0; i < in.v(0).length; i++) {
                int o = Refs.broadcastIndex(Refs.unravel(i, shape), kept);
                out[o] = f.applyAsDouble(out[o], in.v(0)[i]);
            }
            return out;
        };
    }

    private static OpSpec.Reference mean(int[] dims) {
        return in -> {
            double[] sums = fold(dims, 0, Double::sum).compute(in);
            double count = (double) in.v(0).length / sums.length;
            return Arrays.stream(sums).map(s -> s / count).toArray();
        };
    }

    /** Position of the first extreme along {@code dim}, or the flat position when dim is null. */
    private static OpSpec.Reference arg(Integer dim, boolean max) {
        return in -> {
            int[] shape = in.shape(0);
            int[] kept = kept(shape, dim == null ? null : new int[] {dim});
            double[] best = new double[Shapes.numel(kept)];
            double[] out = new double[best.length];
            boolean[] seen = new boolean[best.length];
            for (int i = 0; i < in.v(0).length; i++) {
                int[] idx = Refs.unravel(i, shape);
                int o = Refs.broadcastIndex(idx, kept);
                double v = in.v(0)[i];
                if (!seen[o] || (max ? v > best[o] : v < best[o])) {
                    seen[o] = true;
                    best[o] = v;
                    out[o] = dim == null ? i : idx[dim];
                }
            }
            return out;
        };
    }

    /** softmax (or its log) along a non-negative dim, from x − max as the stable textbook form. */
    private static OpSpec.Reference softmax(int dim, boolean log) {
        return in -> {
            int[] shape = in.shape(0);
            Layout l = Layout.around(shape, dim);
            double[] x = in.v(0);
            double[] out = new double[x.length];
            for (int o = 0; o < l.outer(); o++) {
                for (int j = 0; j < l.inner(); j++) {
                    int base = o * l.size() * l.inner() + j;
                    double m = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < l.size(); i++) {
                        m = Math.max(m, x[base + i * l.inner()]);
                    }
                    double sum = 0;
                    for (int i = 0; i < l.size(); i++) {
                        sum += Math.exp(x[base + i * l.inner()] - m);
                    }
                    for (int i = 0; i < l.size(); i++) {
                        double shifted = x[base + i * l.inner()] - m;
                        out[base + i * l.inner()] = log ? shifted - Math.log(sum) : Math.exp(shifted) / sum;
                    }
                }
            }
            return out;
        };
    }
}
