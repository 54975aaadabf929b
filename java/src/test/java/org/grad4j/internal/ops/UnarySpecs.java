package org.grad4j.internal.ops;

import static org.grad4j.internal.ops.Inputs.constant;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.grad4j.backend.UnaryOp;
import org.grad4j.tensor.Tensor;

/**
 * Element-wise functions of one tensor: each over a matrix, a scalar, transposed and strided
 * views, size-1 dims and an empty tensor, plus the op's own edge values (saturation, NaN, the
 * softplus threshold). Inputs of ops with kinks stay away from them (see {@link SafeInputs}).
 */
final class UnarySpecs {
    private static final double SQRT1_2 = Math.sqrt(0.5);
    /** Integers, halves, values next to them, −0, tiny values, values from 2^23 on, NaN, infinities. */
    static final float[] ROUNDING_EDGES = {
        -2.5f,
        -1.5f,
        -0.5f,
        -0f,
        0f,
        0.5f,
        1.5f,
        2.5f,
        -1f,
        1f,
        0.49999997f,
        -0.49999997f,
        0.99999994f,
        -0.99999994f,
        1e-30f,
        -1e-30f,
        8388607.5f,
        -8388607.5f,
        8388609f,
        -3e9f,
        1e30f,
        Float.NaN,
        Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY
    };

    private UnarySpecs() {}

    static List<OpSpec> all() {
        return List.of(
                unary("exp", Math::exp, Tensor::exp, Inputs::randn)
                        .sample(
                                "wide range",
                                in -> in[0].exp(),
                                new int[] {8},
                                Refs.unary(Math::exp),
                                Inputs.uniform(-10f, 10f, 8))
                        .relative()
                        .error("null input", () -> new Exp().apply((Tensor) null), "exp: input 0 is null"),
                unary("log", Math::log, Tensor::log, positive())
                        .forwardOnly(
                                "negative gives NaN",
                                in -> in[0].log(),
                                new int[] {2},
                                Refs.unary(Math::log),
                                constant(new float[] {-1f, -0.5f}, 2))
                        .error("null input", () -> new Log().apply((Tensor) null), "log: input 0 is null"),
                unary("sqrt", Math::sqrt, Tensor::sqrt, positive())
                        .forwardOnly(
                                "negative gives NaN",
                                in -> in[0].sqrt(),
                                new int[] {2},
                                Refs.unary(Math::sqrt),
                                constant(new float[] {-1f, -4f}, 2))
                        .error("null input", () -> new Sqrt().apply((Tensor) null), "sqrt: input 0 is null"),
                unary("abs", Math::abs, Tensor::abs, awayFrom(0f))
                        .error("null input", () -> new Abs().apply((Tensor) null), "abs: input 0 is null"),
                unary("clamp", x -> Math.max(-0.5, Math.min(0.5, x)), x -> x.clamp(-0.5f, 0.5f), awayFrom(-0.5f, 0.5f))
                        .sample(
                                "min equals max",
                                in -> in[0].clamp(0.25f, 0.25f),
                                new int[] {5},
                                Refs.unary(x -> 0.25),
                                Inputs.randn(5))
                        .forwardOnly(
                                "NaN propagates",
                                in -> in[0].clamp(-0.5f, 0.5f),
                                new int[] {3},
                                Refs.unary(x -> Math.max(-0.5, Math.min(0.5, x))),
                                constant(new float[] {Float.NaN, -3f, 3f}, 3))
                        .error("min > max", () -> Tensor.ones(2).clamp(1f, -1f), "clamp: min 1.0 must be <= max -1.0")
                        .error("NaN bound", () -> Tensor.ones(2).clamp(Float.NaN, 1f), "clamp: min NaN"),
                unary("clampMin", x -> Math.max(0.3, x), x -> x.clampMin(0.3f), awayFrom(0.3f))
                        .error("NaN bound", () -> Tensor.ones(2).clampMin(Float.NaN), "clamp: min NaN"),
                unary("clampMax", x -> Math.min(-0.2, x), x -> x.clampMax(-0.2f), awayFrom(-0.2f))
                        .error("NaN bound", () -> Tensor.ones(2).clampMax(Float.NaN), "must be <= max NaN"),
                unary("tanh", Math::tanh, Tensor::tanh, Inputs::randn)
                        .sample(
                                "saturated",
                                in -> in[0].tanh(),
                                new int[] {6},
                                Refs.unary(Math::tanh),
                                Inputs.uniform(-12f, 12f, 6))
                        .error("null input", () -> new Tanh().apply((Tensor) null), "tanh: input 0 is null"),
                unary("sigmoid", UnarySpecs::sigmoid, Tensor::sigmoid, Inputs::randn)
                        .sample(
                                "saturated",
                                in -> in[0].sigmoid(),
                                new int[] {6},
                                Refs.unary(UnarySpecs::sigmoid),
                                Inputs.uniform(-40f, 40f, 6))
                        .relative()
                        .error("null input", () -> new Sigmoid().apply((Tensor) null), "sigmoid: input 0 is null"),
                unary("relu", x -> Math.max(x, 0), Tensor::relu, awayFrom(0f))
                        .error("null input", () -> new LeakyRelu(0f).apply((Tensor) null), "relu: input 0 is null"),
                unary("leakyRelu", x -> x > 0 ? x : 0.01 * x, Tensor::leakyRelu, awayFrom(0f))
                        .error(
                                "null input",
                                () -> new LeakyRelu(0.01f).apply((Tensor) null),
                                "leakyRelu: input 0 is null"),
                unary("leakyRelu(0.2)", x -> x > 0 ? x : 0.2 * x, x -> x.leakyRelu(0.2f), awayFrom(0f)),
                unary("softplus", UnarySpecs::softplus, Tensor::softplus, Inputs::randn)
                        .sample(
                                "linear above 20",
                                in -> in[0].softplus(),
                                new int[] {6},
                                Refs.unary(UnarySpecs::softplus),
                                Inputs.uniform(20.5f, 40f, 6))
                        .sample(
                                "large negative",
                                in -> in[0].softplus(),
                                new int[] {6},
                                Refs.unary(UnarySpecs::softplus),
                                Inputs.uniform(-40f, -15f, 6))
                        .relative()
                        .error("null input", () -> new Softplus().apply((Tensor) null), "softplus: input 0 is null"),
                unary("gelu", UnarySpecs::gelu, Tensor::gelu, Inputs::randn)
                        .sample(
                                "tails",
                                in -> in[0].gelu(),
                                new int[] {12},
                                Refs.unary(UnarySpecs::gelu),
                                Inputs.uniform(-8f, 8f, 12))
                        .error("null input", () -> new Gelu().apply((Tensor) null), "gelu: input 0 is null"),
                unary("erf", x -> 1 - erfc(x), Tensor::erf, Inputs::randn)
                        .sample(
                                "tails",
                                in -> in[0].erf(),
                                new int[] {12},
                                Refs.unary(x -> 1 - erfc(x)),
                                Inputs.uniform(-6f, 6f, 12))
                        .sample(
                                "known values",
                                in -> in[0].erf(),
                                new int[] {4},
                                Refs.unary(x -> 1 - erfc(x)),
                                constant(new float[] {0f, 0.5f, -1f, 2f}, 4).requiresGrad(true))
                        .error("null input", () -> new Erf().apply((Tensor) null), "erf: input 0 is null"),
                rounding(UnaryOp.FLOOR, Math::floor, Tensor::floor),
                rounding(UnaryOp.CEIL, Math::ceil, Tensor::ceil),
                rounding(UnaryOp.TRUNC, x -> Math.signum(x) * Math.floor(Math.abs(x)), Tensor::trunc),
                unary("elu", x -> x > 0 ? x : Math.expm1(x), Tensor::elu, Inputs::randn)
                        .error("null input", () -> new Elu(1f).apply((Tensor) null), "elu: input 0 is null"),
                unary("elu(0.5)", x -> x > 0 ? x : 0.5 * Math.expm1(x), x -> x.elu(0.5f), awayFrom(0f)),
                unary("reciprocal", x -> 1 / x, Tensor::reciprocal, s -> SafeInputs.awayFrom(0.3f, new float[] {0f}, s))
                        .error("null input", () -> new PowScalar(-1f).apply((Tensor) null), "pow: input 0 is null"),
                unary("square", x -> x * x, Tensor::square, Inputs::randn));
    }

    /** The shared samples of an element-wise op; {@code domain} makes a contiguous leaf of a shape. */
    private static OpSpec unary(
            String name, DoubleUnaryOperator ref, UnaryOperator<Tensor> op, Function<int[], Tensor> domain) {
        OpSpec.Reference r = Refs.unary(ref);
        Function<Tensor[], Tensor> f = in -> op.apply(in[0]);
        return OpSpec.op(name)
                .sample("matrix", f, new int[] {2, 3}, r, domain.apply(new int[] {2, 3}))
                .sample("scalar", f, new int[] {}, r, domain.apply(new int[] {}))
                .sample("transposed", f, new int[] {3, 4}, r, SafeInputs.transposed(domain.apply(new int[] {4, 3})))
                .sample("strided", f, new int[] {3, 4}, r, SafeInputs.strided(domain.apply(new int[] {3, 8})))
                .sample("size-1 dims", f, new int[] {1, 3, 1}, r, domain.apply(new int[] {1, 3, 1}))
                .sample("empty", f, new int[] {0, 3}, r, domain.apply(new int[] {0, 3}));
    }

    /**
     * floor, ceil or trunc. Their gradient is 0 everywhere, but finite differences see the jumps,
     * so the differentiable samples keep 0.05 from every integer; the edge values (integers, halves,
     * −0, values from 2^23 on, NaN, infinities) are forward only.
     */
    private static OpSpec rounding(UnaryOp kind, DoubleUnaryOperator ref, UnaryOperator<Tensor> op) {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT);
        return unary(name, ref, op, s -> offIntegers(10f, s))
                .sample("wide range", in -> op.apply(in[0]), new int[] {12}, Refs.unary(ref), offIntegers(1000f, 12))
                .forwardOnly(
                        "edge values",
                        in -> op.apply(in[0]),
                        new int[] {ROUNDING_EDGES.length},
                        Refs.unary(ref),
                        constant(ROUNDING_EDGES, ROUNDING_EDGES.length))
                .error("null input", () -> new Rounding(kind).apply((Tensor) null), name + ": input 0 is null");
    }

    /** Uniform values in [−range, range), each moved to at least 0.05 from the nearest integer. */
    private static Tensor offIntegers(float range, int... shape) {
        float[] v = Inputs.uniform(-range, range, shape).toArray();
        for (int i = 0; i < v.length; i++) {
            double whole = Math.floor(v[i]);
            v[i] = (float) (whole + Math.min(0.95, Math.max(0.05, v[i] - whole)));
        }
        return Tensor.of(v, shape).requiresGrad(true);
    }

    private static Function<int[], Tensor> positive() {
        return s -> Inputs.uniform(0.1f, 3f, s);
    }

    private static Function<int[], Tensor> awayFrom(float... kinks) {
        return s -> SafeInputs.awayFrom(0.05f, kinks, s);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** log(1 + e^x) without the threshold, so the linear branch above 20 is checked against it. */
    private static double softplus(double x) {
        return Math.log1p(Math.exp(x));
    }

    /** x·Φ(x) = x·erfc(−x/√2)/2. */
    static double gelu(double x) {
        return 0.5 * x * erfc(-x * SQRT1_2);
    }

    /**
     * erfc with an absolute error near 1e-14: the Maclaurin series of erf below 3, Laplace's
     * continued fraction beyond (where the series would cancel).
     */
    static double erfc(double z) {
        if (z <= -3) {
            return 2 - erfc(-z);
        }
        if (z < 3) {
            double term = z;
            double sum = z;
            for (int n = 1; n < 100 && Math.abs(term) > 1e-17; n++) {
                term *= -z * z / n;
                sum += term / (2 * n + 1);
            }
            return 1 - 2 / Math.sqrt(Math.PI) * sum;
        }
        double k = z;
        for (int n = 60; n >= 1; n--) {
            k = z + n / 2.0 / k;
        }
        return Math.exp(-z * z) / (Math.sqrt(Math.PI) * k);
    }
}
