package org.grad4j.internal.ops;

import static org.grad4j.internal.ops.SafeInputs.ints;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import org.grad4j.tensor.Tensor;

/**
 * gt, ge, lt, le, eq and ne against a tensor (same shape, 0-d, broadcast, views, empty) and a
 * float; small integer inputs give many ties, and NaN compares false except under ne. Forward
 * only: comparisons have no gradient (see {@link CompareTest}).
 */
final class CompareSpecs {
    private CompareSpecs() {}

    /** The comparison as a double predicate, for the reference. */
    @FunctionalInterface
    private interface Predicate {
        boolean test(double a, double b);
    }

    static List<OpSpec> all() {
        return List.of(
                compare("gt", Tensor::gt, Tensor::gt, (a, b) -> a > b),
                compare("ge", Tensor::ge, Tensor::ge, (a, b) -> a >= b),
                compare("lt", Tensor::lt, Tensor::lt, (a, b) -> a < b),
                compare("le", Tensor::le, Tensor::le, (a, b) -> a <= b),
                compare("eq", Tensor::eq, Tensor::eq, (a, b) -> a == b),
                compare("ne", Tensor::ne, Tensor::ne, (a, b) -> a != b));
    }

    private static OpSpec compare(
            String name, BinaryOperator<Tensor> op, BiFunction<Tensor, Float, Tensor> scalarOp, Predicate p) {
        OpSpec.Reference ref = Refs.binary((a, b) -> p.test(a, b) ? 1 : 0);
        float nan = Float.NaN;
        return OpSpec.op(name)
                .forwardOnly(
                        "same shape, with ties",
                        in -> op.apply(in[0], in[1]),
                        new int[] {3, 4},
                        ref,
                        ints(3, 4),
                        ints(3, 4))
                .forwardOnly(
                        "float operand",
                        in -> scalarOp.apply(in[0], 1f),
                        new int[] {3, 4},
                        Refs.unary(a -> p.test(a, 1) ? 1 : 0),
                        ints(3, 4))
                .forwardOnly("0-d operand", in -> op.apply(in[0], in[1]), new int[] {3, 4}, ref, ints(3, 4), ints())
                .forwardOnly(
                        "broadcast both",
                        in -> op.apply(in[0], in[1]),
                        new int[] {2, 4, 3},
                        ref,
                        ints(2, 1, 3),
                        ints(4, 1))
                .forwardOnly(
                        "transposed and strided",
                        in -> op.apply(in[0], in[1]),
                        new int[] {3, 4},
                        ref,
                        SafeInputs.transposed(ints(4, 3)),
                        SafeInputs.strided(ints(3, 8)))
                .forwardOnly(
                        "inputs requiring grad",
                        in -> op.apply(in[0], in[1]),
                        new int[] {2, 3},
                        ref,
                        Inputs.randn(2, 3),
                        Inputs.randn(2, 3))
                .forwardOnly(
                        "NaN",
                        in -> op.apply(in[0], in[1]),
                        new int[] {3},
                        ref,
                        Inputs.constant(new float[] {nan, 1f, nan}, 3),
                        Inputs.constant(new float[] {nan, nan, 1f}, 3))
                .forwardOnly("size-1 dims", in -> op.apply(in[0], in[1]), new int[] {1, 3}, ref, ints(1, 3), ints(1, 1))
                .forwardOnly("empty", in -> op.apply(in[0], in[1]), new int[] {0, 3}, ref, ints(0, 3), ints(3))
                .error(
                        "bad broadcast",
                        () -> op.apply(Tensor.zeros(2, 3), Tensor.zeros(4)),
                        name + ": shapes [2, 3] and [4] cannot be broadcast")
                .error("null operand", () -> op.apply(Tensor.zeros(2), null), name + ": input 1 is null");
    }
}
