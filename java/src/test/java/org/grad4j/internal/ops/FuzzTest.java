package org.grad4j.internal.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Every public tensor op called {@value #CASES} times with random shapes (including empty and
 * size-1 dims), random layouts (transposed, strided, expanded), NaN and infinities, and random
 * (often invalid) dims and sizes. Each call must return a tensor or throw an
 * IllegalArgumentException or IllegalStateException whose message names the op; anything else
 * (ArrayIndexOutOfBounds, NullPointer, a crash) fails. Runs on the default backend, so grad4j-native
 * runs it against the native kernels too.
 */
class FuzzTest {
    static final int CASES = 10_000;

    /** One op: its name (as its messages spell it) and a random call. */
    record Op(String name, Function<Fuzz, Tensor> call) {}

    static List<Op> ops() {
        List<Op> ops = new ArrayList<>();
        ops.add(new Op("add", f -> f.tensor().add(f.tensor())));
        ops.add(new Op("sub", f -> f.tensor().sub(f.tensor())));
        ops.add(new Op("mul", f -> f.tensor().mul(f.tensor())));
        ops.add(new Op("div", f -> f.tensor().div(f.tensor())));
        ops.add(new Op("pow", f -> f.tensor().pow(f.tensor())));
        ops.add(new Op("pow", f -> f.tensor().pow(f.value())));
        ops.add(new Op("exp", f -> f.tensor().exp()));
        ops.add(new Op("log", f -> f.tensor().log()));
        ops.add(new Op("sqrt", f -> f.tensor().sqrt()));
        ops.add(new Op("abs", f -> f.tensor().abs()));
        ops.add(new Op("clamp", f -> f.tensor().clamp(f.value(), f.value())));
        ops.add(new Op("tanh", f -> f.tensor().tanh()));
        ops.add(new Op("sigmoid", f -> f.tensor().sigmoid()));
        ops.add(new Op("relu", f -> f.tensor().relu()));
        ops.add(new Op("leakyRelu", f -> f.tensor().leakyRelu(f.value())));
        ops.add(new Op("softplus", f -> f.tensor().softplus()));
        ops.add(new Op("gelu", f -> f.tensor().gelu()));
        ops.add(new Op("elu", f -> f.tensor().elu(f.value())));
        ops.add(new Op("erf", f -> f.tensor().erf()));
        ops.add(new Op("floor", f -> f.tensor().floor()));
        ops.add(new Op("ceil", f -> f.tensor().ceil()));
        ops.add(new Op("trunc", f -> f.tensor().trunc()));
        ops.add(new Op("gt", f -> f.tensor().gt(f.tensor())));
        ops.add(new Op("eq", f -> f.tensor().eq(f.value())));
        ops.add(new Op("sum", f -> f.tensor().sum(f.dim(), f.random.nextBoolean())));
        ops.add(new Op("sum", f -> f.tensor().sum(f.ints(f.random.nextInt(3), -4, 4), f.random.nextBoolean())));
        ops.add(new Op("mean", f -> f.tensor().mean(f.dim(), f.random.nextBoolean())));
        ops.add(new Op("max", f -> f.tensor().max(f.dim(), f.random.nextBoolean())));
        ops.add(new Op("max", f -> f.tensor().max()));
        ops.add(new Op("min", f -> f.tensor().min(f.dim())));
        ops.add(new Op("argmax", f -> f.tensor().argmax(f.dim(), f.random.nextBoolean())));
        ops.add(new Op("argmin", f -> f.tensor().argmin()));
        ops.add(new Op("softmax", f -> f.tensor().softmax(f.dim())));
        ops.add(new Op("logSoftmax", f -> f.tensor().logSoftmax(f.dim())));
        ops.add(new Op("matmul", f -> f.tensor().matmul(f.tensor())));
        ops.add(new Op("matmul", f -> {
            int k = f.random.nextInt(0, 4);
            return f.tensor(new int[] {f.random.nextInt(0, 4), k}).matmul(f.tensor(new int[] {k, f.random.nextInt(4)}));
        }));
        ops.add(new Op("linear", f -> f.tensor().linear(f.tensor(), f.random.nextBoolean() ? null : f.tensor())));
        ops.add(new Op("linear", f -> {
            int in = f.random.nextInt(0, 4);
            int out = f.random.nextInt(0, 4);
            return f.tensor(new int[] {f.random.nextInt(0, 4), in})
                    .linear(f.tensor(new int[] {out, in}), f.random.nextBoolean() ? null : f.tensor(new int[] {out}));
        }));
        ops.add(new Op("reshape", f -> f.tensor().reshape(f.ints(f.random.nextInt(4), -1, 5))));
        ops.add(new Op("view", f -> f.tensor().view(f.ints(f.random.nextInt(4), -1, 5))));
        ops.add(new Op("transpose", f -> f.tensor().transpose(f.dim(), f.dim())));
        ops.add(new Op("permute", f -> f.tensor().permute(f.ints(f.random.nextInt(5), -4, 4))));
        ops.add(new Op("expand", f -> f.tensor().expand(f.ints(f.random.nextInt(5), -2, 5))));
        ops.add(new Op("narrow", f -> f.tensor().narrow(f.dim(), f.size(), f.size())));
        ops.add(new Op("slice", f -> f.tensor().slice(f.dim(), f.dim(), f.dim(), f.random.nextInt(-1, 3))));
        ops.add(new Op("select", f -> f.tensor().select(f.dim(), f.dim())));
        ops.add(new Op("squeeze", f -> f.tensor().squeeze(f.dim())));
        ops.add(new Op("unsqueeze", f -> f.tensor().unsqueeze(f.dim())));
        ops.add(new Op("flatten", f -> f.tensor().flatten(f.dim(), f.dim())));
        ops.add(new Op("cat", f -> Tensor.cat(f.dim(), f.tensor(), f.tensor())));
        ops.add(new Op("stack", f -> Tensor.stack(List.of(f.tensor(), f.tensor()), f.dim())));
        ops.add(new Op("split", f -> f.tensor().split(f.size(), f.dim()).get(0)));
        ops.add(new Op("indexSelect", f -> {
            Tensor x = f.tensor();
            return x.indexSelect(f.dim(), f.indices(new int[] {f.random.nextInt(4)}, x.dim() == 0 ? 1 : x.size(0)));
        }));
        ops.add(new Op("gather", f -> {
            Tensor x = f.tensor();
            int[] s = x.shape();
            if (s.length > 0 && f.random.nextBoolean()) {
                s[0] = f.random.nextInt(4);
            }
            return x.gather(f.random.nextInt(2) == 0 ? 0 : f.dim(), f.indices(s, s.length == 0 ? 1 : x.size(0)));
        }));
        ops.add(new Op("where", f -> Tensor.where(f.tensor(), f.tensor(), f.tensor())));
        ops.add(new Op("maskedFill", f -> f.tensor().maskedFill(f.tensor(), f.value())));
        ops.add(new Op("crossEntropy", f -> {
            Tensor x = f.tensor(new int[] {f.random.nextInt(4), f.random.nextInt(4)});
            return x.crossEntropy(f.indices(new int[] {f.random.nextInt(4)}, x.size(1)));
        }));
        ops.add(new Op("conv2d", f -> {
            int c = f.random.nextInt(1, 4);
            Tensor x = f.tensor(new int[] {f.random.nextInt(0, 3), c, f.random.nextInt(0, 7), f.random.nextInt(0, 7)});
            Tensor w = f.tensor(new int[] {
                f.random.nextInt(1, 4), f.random.nextInt(1, 4), f.random.nextInt(0, 4), f.random.nextInt(1, 4)
            });
            return x.conv2d(
                    w,
                    null,
                    f.random.nextInt(0, 3),
                    f.random.nextInt(-1, 3),
                    f.random.nextInt(0, 3),
                    f.random.nextInt(0, 3));
        }));
        ops.add(new Op("convTranspose2d", f -> {
            Tensor x = f.tensor(new int[] {1, f.random.nextInt(1, 3), f.random.nextInt(0, 4), f.random.nextInt(1, 4)});
            Tensor w = f.tensor(new int[] {f.random.nextInt(1, 3), 2, f.random.nextInt(1, 4), 2});
            return x.convTranspose2d(w, null, f.random.nextInt(0, 3), f.random.nextInt(-1, 2));
        }));
        ops.add(new Op(
                "maxPool2d",
                f -> f.tensor(f.shape(5))
                        .maxPool2d(f.random.nextInt(0, 4), f.random.nextInt(0, 3), f.random.nextInt(-1, 3))));
        ops.add(new Op("avgPool2d", f -> f.tensor(f.shape(5)).avgPool2d(f.random.nextInt(0, 4))));
        ops.add(new Op("dropout", f -> f.tensor().dropout(f.value(), true, new org.grad4j.tensor.Generator(1))));
        return ops;
    }

    @Test
    void badArgumentsAreExceptionsNamingTheOp() {
        List<Op> all = ops();
        new Fuzz(Long.getLong("grad4j.fuzz.seed", 20261125))
                .expectResultsOrNamedErrors(
                        all.stream().map(Op::name).toList(),
                        all.stream().map(Op::call).toList(),
                        CASES,
                        "op");
    }
}
