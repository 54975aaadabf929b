package org.grad4j.internal.ops;

import static org.grad4j.internal.ops.Inputs.randn;

import java.util.List;
import org.grad4j.tensor.Tensor;

/** add, sub, mul, div, neg, pow: same shapes, broadcasting, scalars and non-contiguous inputs. */
final class ArithmeticSpecs {
    private ArithmeticSpecs() {}

    static List<OpSpec> all() {
        return List.of(
                binary("add", (a, b) -> a + b, (x, y) -> x.add(y)),
                binary("sub", (a, b) -> a - b, (x, y) -> x.sub(y)),
                binary("mul", (a, b) -> a * b, (x, y) -> x.mul(y)),
                OpSpec.op("div")
                        .sample(
                                "same shape",
                                in -> in[0].div(in[1]),
                                new int[] {2, 3},
                                Refs.binary((a, b) -> a / b),
                                randn(2, 3),
                                Inputs.uniform(0.5f, 2f, 2, 3))
                        .sample(
                                "broadcast row",
                                in -> in[0].div(in[1]),
                                new int[] {4, 3},
                                Refs.binary((a, b) -> a / b),
                                randn(4, 3),
                                Inputs.uniform(0.5f, 2f, 3))
                        .sample("by scalar", in -> in[0].div(4f), new int[] {3}, Refs.unary(a -> a / 4), randn(3))
                        .error(
                                "bad broadcast",
                                () -> Tensor.zeros(2, 3).div(Tensor.zeros(4)),
                                "div: shapes [2, 3]" + " and [4] cannot be broadcast"),
                OpSpec.op("neg")
                        .sample("matrix", in -> in[0].neg(), new int[] {2, 3}, Refs.unary(a -> -a), randn(2, 3))
                        .sample(
                                "transposed",
                                in -> in[0].neg(),
                                new int[] {3, 2},
                                Refs.unary(a -> -a),
                                Inputs.transposed(3, 2)),
                OpSpec.op("pow")
                        .sample(
                                "scalar exponent",
                                in -> in[0].pow(3f),
                                new int[] {5},
                                Refs.unary(a -> a * a * a),
                                randn(5))
                        .sample(
                                "tensor exponent",
                                in -> in[0].pow(in[1]),
                                new int[] {2, 3},
                                Refs.binary(Math::pow),
                                Inputs.uniform(0.5f, 2f, 2, 3),
                                randn(3))
                        .error("bad broadcast", () -> Tensor.ones(2).pow(Tensor.ones(3)), "pow: shapes [2] and [3]"));
    }

    private static OpSpec binary(
            String name, java.util.function.DoubleBinaryOperator ref, java.util.function.BinaryOperator<Tensor> op) {
        return OpSpec.op(name)
                .sample(
                        "same shape",
                        in -> op.apply(in[0], in[1]),
                        new int[] {2, 3},
                        Refs.binary(ref),
                        randn(2, 3),
                        randn(2, 3))
                .sample(
                        "broadcast row",
                        in -> op.apply(in[0], in[1]),
                        new int[] {4, 3},
                        Refs.binary(ref),
                        randn(4, 3),
                        randn(3))
                .sample(
                        "broadcast both",
                        in -> op.apply(in[0], in[1]),
                        new int[] {2, 4, 3},
                        Refs.binary(ref),
                        randn(2, 1, 3),
                        randn(4, 1))
                .sample(
                        "scalar tensor",
                        in -> op.apply(in[0], in[1]),
                        new int[] {3, 2},
                        Refs.binary(ref),
                        randn(3, 2),
                        randn())
                .sample(
                        "transposed and strided",
                        in -> op.apply(in[0], in[1]),
                        new int[] {3, 4},
                        Refs.binary(ref),
                        Inputs.transposed(3, 4),
                        Inputs.strided(3, 4))
                .sample(
                        "empty",
                        in -> op.apply(in[0], in[1]),
                        new int[] {0, 3},
                        Refs.binary(ref),
                        randn(0, 3),
                        randn(3))
                .error(
                        "bad broadcast",
                        () -> op.apply(Tensor.zeros(2, 3), Tensor.zeros(4)),
                        name + ": shapes [2, 3] and [4] cannot be broadcast");
    }
}
