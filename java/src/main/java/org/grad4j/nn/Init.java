package org.grad4j.nn;

import org.grad4j.autograd.GradMode;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * Weight initializers, like {@code torch.nn.init}: each fills a tensor in place (without
 * recording a gradient) and returns it. The random ones take an explicit {@link Generator}, or
 * use {@link Generator#defaultGenerator()} in the overloads without one; on a tensor with no
 * elements they do nothing. See https://pytorch.org/docs/stable/nn.init.html
 *
 * <pre>{@code
 * Tensor w = Tensor.zeros(256, 128);
 * Init.kaimingNormal_(w, 0, "fan_out", "relu", new Generator(42));   // std sqrt(2 / 256)
 * Init.calculateGain("tanh");                                         // 5/3
 * }</pre>
 */
public final class Init {
    private Init() {}

    /**
     * Fills with 0, as {@code torch.nn.init.zeros_}.
     *
     * @param t the tensor to fill
     * @return {@code t}
     */
    public static Tensor zeros_(Tensor t) {
        return constant_(t, 0);
    }

    /**
     * Fills with 1, as {@code torch.nn.init.ones_}.
     *
     * @param t the tensor to fill
     * @return {@code t}
     */
    public static Tensor ones_(Tensor t) {
        return constant_(t, 1);
    }

    /**
     * Fills with {@code value}, as {@code torch.nn.init.constant_}.
     *
     * @param t the tensor to fill
     * @param value the fill value
     * @return {@code t}
     */
    public static Tensor constant_(Tensor t, double value) {
        try (Scope ignored = GradMode.noGrad()) {
            return t.fill_((float) value);
        }
    }

    /**
     * Uniform values in [0, 1) from the default generator, as {@code torch.nn.init.uniform_}.
     *
     * @param t the tensor to fill
     * @return {@code t}
     */
    public static Tensor uniform_(Tensor t) {
        return uniform_(t, 0, 1, Generator.defaultGenerator());
    }

    /**
     * Uniform values in [a, b) from the default generator, as {@code torch.nn.init.uniform_(t, a, b)}.
     *
     * @param t the tensor to fill
     * @param a the lower bound
     * @param b the upper bound
     * @return {@code t}
     * @throws IllegalArgumentException if a bound is not a finite float, or {@code a > b}
     */
    public static Tensor uniform_(Tensor t, double a, double b) {
        return uniform_(t, a, b, Generator.defaultGenerator());
    }

    /**
     * Uniform values in [a, b), as {@code torch.nn.init.uniform_(t, a, b, generator)}.
     *
     * @param t the tensor to fill
     * @param a the lower bound
     * @param b the upper bound
     * @param gen the source of the values
     * @return {@code t}
     * @throws IllegalArgumentException if a bound is not a finite float, or {@code a > b}
     */
    public static Tensor uniform_(Tensor t, double a, double b, Generator gen) {
        if (!Float.isFinite((float) a) || !Float.isFinite((float) b)) {
            throw new IllegalArgumentException("uniform_: a and b must be finite floats, got a " + a + ", b " + b);
        }
        if (!(a <= b)) {
            throw new IllegalArgumentException("uniform_: a must be <= b, got a " + a + ", b " + b);
        }
        try (Scope ignored = GradMode.noGrad()) {
            return t.copy_(Tensor.uniform(gen, (float) a, (float) b, t.shape()));
        }
    }

    /**
     * Standard normal values from the default generator, as {@code torch.nn.init.normal_}.
     *
     * @param t the tensor to fill
     * @return {@code t}
     */
    public static Tensor normal_(Tensor t) {
        return normal_(t, 0, 1, Generator.defaultGenerator());
    }

    /**
     * Values from N(mean, std²) and the default generator, as {@code torch.nn.init.normal_(t, mean, std)}.
     *
     * @param t the tensor to fill
     * @param mean the mean, finite
     * @param std the standard deviation, finite and &ge; 0
     * @return {@code t}
     * @throws IllegalArgumentException if {@code mean} or {@code std} is out of range
     */
    public static Tensor normal_(Tensor t, double mean, double std) {
        return normal_(t, mean, std, Generator.defaultGenerator());
    }

    /**
     * Values from N(mean, std²), as {@code torch.nn.init.normal_(t, mean, std, generator)}.
     *
     * @param t the tensor to fill
     * @param mean the mean, finite
     * @param std the standard deviation, finite and &ge; 0
     * @param gen the source of the values
     * @return {@code t}
     * @throws IllegalArgumentException if {@code mean} or {@code std} is out of range
     */
    public static Tensor normal_(Tensor t, double mean, double std, Generator gen) {
        if (!(std >= 0) || !Double.isFinite(mean) || Double.isInfinite(std)) {
            throw new IllegalArgumentException(
                    "normal_: mean must be finite and std finite and >= 0, got mean " + mean + ", std " + std);
        }
        try (Scope ignored = GradMode.noGrad()) {
            return t.copy_(Tensor.normal(gen, (float) mean, (float) std, t.shape()));
        }
    }

    /**
     * N(0, 1) truncated to [−2, 2], from the default generator, as {@code torch.nn.init.trunc_normal_}.
     *
     * @param t the tensor to fill
     * @return {@code t}
     */
    public static Tensor truncNormal_(Tensor t) {
        return truncNormal_(t, 0, 1, -2, 2, Generator.defaultGenerator());
    }

    /**
     * N(mean, std²) truncated to [a, b], from the default generator, as
     * {@code torch.nn.init.trunc_normal_(t, mean, std, a, b)}.
     *
     * @param t the tensor to fill
     * @param mean the mean, finite
     * @param std the standard deviation, finite and &gt; 0
     * @param a the lower bound
     * @param b the upper bound, above {@code a}
     * @return {@code t}
     * @throws IllegalArgumentException if a value is out of range, or [a, b] lies so far in the tail that
     *     its probability underflows
     */
    public static Tensor truncNormal_(Tensor t, double mean, double std, double a, double b) {
        return truncNormal_(t, mean, std, a, b, Generator.defaultGenerator());
    }

    /**
     * Values from N(mean, std²) conditioned on [a, b] (PyTorch's defaults: mean 0, std 1, a −2,
     * b 2), drawn by inverting the normal CDF as PyTorch does, in double precision, so intervals in
     * a tail are sampled correctly too; as {@code torch.nn.init.trunc_normal_}.
     *
     * @param t the tensor to fill
     * @param mean the mean, finite
     * @param std the standard deviation, finite and &gt; 0
     * @param a the lower bound
     * @param b the upper bound, above {@code a}
     * @param gen the source of the values
     * @return {@code t}
     * @throws IllegalArgumentException if a value is out of range, or [a, b] lies so far in the tail that
     *     its probability underflows
     */
    public static Tensor truncNormal_(Tensor t, double mean, double std, double a, double b, Generator gen) {
        if (!(std > 0) || !Double.isFinite(mean) || Double.isInfinite(std) || !(a < b)) {
            throw new IllegalArgumentException("truncNormal_: needs a finite mean, a finite std > 0 and a < b, got"
                    + " mean " + mean + ", std " + std + ", a " + a + ", b " + b);
        }
        float[] values = TruncatedNormal.sample(t.numel(), mean, std, a, b, gen);
        try (Scope ignored = GradMode.noGrad()) {
            return t.copy_(Tensor.wrap(values, t.shape()));
        }
    }

    /**
     * (fanIn, fanOut) of a weight: dim 1 and dim 0 sizes times the receptive field (dims 2...), as
     * PyTorch's {@code _calculate_fan_in_and_fan_out}.
     *
     * @param t a weight with at least 2 dims
     * @return {fanIn, fanOut}
     * @throws IllegalArgumentException if {@code t} has fewer than 2 dims
     */
    public static int[] fans(Tensor t) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException(
                    "fans: fan in and fan out need a tensor with at least 2 dims, got " + Shapes.str(t.shape()));
        }
        int receptive = 1;
        for (int d = 2; d < t.dim(); d++) {
            receptive *= t.size(d);
        }
        return new int[] {t.size(1) * receptive, t.size(0) * receptive};
    }

    /**
     * Glorot (Xavier) uniform with gain 1, from the default generator, as
     * {@code torch.nn.init.xavier_uniform_}.
     *
     * @param t the weight to fill, at least 2-D
     * @return {@code t}
     * @throws IllegalArgumentException if {@code t} has fewer than 2 dims
     */
    public static Tensor xavierUniform_(Tensor t) {
        return xavierUniform_(t, 1, Generator.defaultGenerator());
    }

    /**
     * Glorot (Xavier) uniform from the default generator, as {@code torch.nn.init.xavier_uniform_(t, gain)}.
     *
     * @param t the weight to fill, at least 2-D
     * @param gain the scale factor
     * @return {@code t}
     * @throws IllegalArgumentException if {@code t} has fewer than 2 dims or {@code gain} is not finite
     */
    public static Tensor xavierUniform_(Tensor t, double gain) {
        return xavierUniform_(t, gain, Generator.defaultGenerator());
    }

    /**
     * Glorot (Xavier) uniform: U(−bound, bound) with bound = gain·sqrt(6 / (fanIn + fanOut)), as
     * {@code torch.nn.init.xavier_uniform_(t, gain, generator)}.
     *
     * @param t the weight to fill, at least 2-D
     * @param gain the scale factor
     * @param gen the source of the values
     * @return {@code t}
     * @throws IllegalArgumentException if {@code t} has fewer than 2 dims or {@code gain} is not finite
     */
    public static Tensor xavierUniform_(Tensor t, double gain, Generator gen) {
        checkGain("xavierUniform_", gain);
        int[] f = fans(t);
        if (t.numel() == 0) {
            return t;
        }
        double bound = gain * Math.sqrt(6.0 / (f[0] + f[1]));
        return uniform_(t, -bound, bound, gen);
    }

    /**
     * Glorot (Xavier) normal with gain 1, from the default generator, as
     * {@code torch.nn.init.xavier_normal_}.
     *
     * @param t the weight to fill, at least 2-D
     * @return {@code t}
     * @throws IllegalArgumentException if {@code t} has fewer than 2 dims
     */
    public static Tensor xavierNormal_(Tensor t) {
        return xavierNormal_(t, 1, Generator.defaultGenerator());
    }

    /**
     * Glorot (Xavier) normal from the default generator, as {@code torch.nn.init.xavier_normal_(t, gain)}.
     *
     * @param t the weight to fill, at least 2-D
     * @param gain the scale factor
     * @return {@code t}
     * @throws IllegalArgumentException if {@code t} has fewer than 2 dims or {@code gain} is not finite
     */
    public static Tensor xavierNormal_(Tensor t, double gain) {
        return xavierNormal_(t, gain, Generator.defaultGenerator());
    }

    /**
     * Glorot (Xavier) normal: N(0, std²) with std = gain·sqrt(2 / (fanIn + fanOut)), as
     * {@code torch.nn.init.xavier_normal_(t, gain, generator)}.
     *
     * @param t the weight to fill, at least 2-D
     * @param gain the scale factor
     * @param gen the source of the values
     * @return {@code t}
     * @throws IllegalArgumentException if {@code t} has fewer than 2 dims or {@code gain} is not finite
     */
    public static Tensor xavierNormal_(Tensor t, double gain, Generator gen) {
        checkGain("xavierNormal_", gain);
        int[] f = fans(t);
        if (t.numel() == 0) {
            return t;
        }
        return normal_(t, 0, Math.abs(gain) * Math.sqrt(2.0 / (f[0] + f[1])), gen);
    }

    /**
     * He (Kaiming) uniform with PyTorch's defaults: a 0, mode "fan_in", nonlinearity "leaky_relu", from
     * the default generator; as {@code torch.nn.init.kaiming_uniform_}.
     *
     * @param t the weight to fill, at least 2-D
     * @return {@code t}
     * @throws IllegalArgumentException if {@code t} has fewer than 2 dims
     */
    public static Tensor kaimingUniform_(Tensor t) {
        return kaimingUniform_(t, 0, "fan_in", "leaky_relu", Generator.defaultGenerator());
    }

    /**
     * He (Kaiming) uniform for a leaky ReLU of slope {@code a}, over fan in: bound =
     * gain·sqrt(3 / fanIn) with gain = sqrt(2 / (1 + a²)). PyTorch's Linear and Conv2d use a = sqrt(5).
     *
     * @param t the weight to fill, at least 2-D
     * @param a the negative slope of the leaky ReLU that follows
     * @param gen the source of the values
     * @return {@code t}
     * @throws IllegalArgumentException if {@code t} has fewer than 2 dims or {@code a} is not finite
     */
    public static Tensor kaimingUniform_(Tensor t, double a, Generator gen) {
        return kaimingUniform_(t, a, "fan_in", "leaky_relu", gen);
    }

    /**
     * He (Kaiming) uniform from the default generator, as
     * {@code torch.nn.init.kaiming_uniform_(t, a, mode, nonlinearity)}.
     *
     * @param t the weight to fill, at least 2-D
     * @param a the negative slope, read for "leaky_relu" only
     * @param mode "fan_in" or "fan_out"
     * @param nonlinearity a name {@link #calculateGain(String, double)} knows
     * @return {@code t}
     * @throws IllegalArgumentException if {@code t} has fewer than 2 dims, or {@code mode} or
     *     {@code nonlinearity} is unknown
     */
    public static Tensor kaimingUniform_(Tensor t, double a, String mode, String nonlinearity) {
        return kaimingUniform_(t, a, mode, nonlinearity, Generator.defaultGenerator());
    }

    /**
     * He (Kaiming) uniform: U(−bound, bound) with bound = sqrt(3)·gain / sqrt(fan), gain =
     * {@link #calculateGain(String, double) calculateGain(nonlinearity, a)} and fan the fan in or
     * fan out ({@code mode} "fan_in" or "fan_out"); as {@code torch.nn.init.kaiming_uniform_}.
     *
     * @param t the weight to fill, at least 2-D
     * @param a the negative slope, read for "leaky_relu" only
     * @param mode "fan_in" or "fan_out"
     * @param nonlinearity a name {@link #calculateGain(String, double)} knows
     * @param gen the source of the values
     * @return {@code t}
     * @throws IllegalArgumentException if {@code t} has fewer than 2 dims, or {@code mode} or
     *     {@code nonlinearity} is unknown
     */
    public static Tensor kaimingUniform_(Tensor t, double a, String mode, String nonlinearity, Generator gen) {
        double std = kaimingStd("kaimingUniform_", t, a, mode, nonlinearity);
        return t.numel() == 0 ? t : uniform_(t, -Math.sqrt(3) * std, Math.sqrt(3) * std, gen);
    }

    /**
     * He (Kaiming) normal with PyTorch's defaults: a 0, mode "fan_in", nonlinearity "leaky_relu", from
     * the default generator; as {@code torch.nn.init.kaiming_normal_}.
     *
     * @param t the weight to fill, at least 2-D
     * @return {@code t}
     * @throws IllegalArgumentException if {@code t} has fewer than 2 dims
     */
    public static Tensor kaimingNormal_(Tensor t) {
        return kaimingNormal_(t, 0, "fan_in", "leaky_relu", Generator.defaultGenerator());
    }

    /**
     * He (Kaiming) normal from the default generator, as
     * {@code torch.nn.init.kaiming_normal_(t, a, mode, nonlinearity)}.
     *
     * @param t the weight to fill, at least 2-D
     * @param a the negative slope, read for "leaky_relu" only
     * @param mode "fan_in" or "fan_out"
     * @param nonlinearity a name {@link #calculateGain(String, double)} knows
     * @return {@code t}
     * @throws IllegalArgumentException if {@code t} has fewer than 2 dims, or {@code mode} or
     *     {@code nonlinearity} is unknown
     */
    public static Tensor kaimingNormal_(Tensor t, double a, String mode, String nonlinearity) {
        return kaimingNormal_(t, a, mode, nonlinearity, Generator.defaultGenerator());
    }

    /**
     * He (Kaiming) normal: N(0, std²) with std = gain / sqrt(fan), gain and fan as in
     * {@link #kaimingUniform_(Tensor, double, String, String, Generator)}; as
     * {@code torch.nn.init.kaiming_normal_}.
     *
     * @param t the weight to fill, at least 2-D
     * @param a the negative slope, read for "leaky_relu" only
     * @param mode "fan_in" or "fan_out"
     * @param nonlinearity a name {@link #calculateGain(String, double)} knows
     * @param gen the source of the values
     * @return {@code t}
     * @throws IllegalArgumentException if {@code t} has fewer than 2 dims, or {@code mode} or
     *     {@code nonlinearity} is unknown
     */
    public static Tensor kaimingNormal_(Tensor t, double a, String mode, String nonlinearity, Generator gen) {
        double std = kaimingStd("kaimingNormal_", t, a, mode, nonlinearity);
        return t.numel() == 0 ? t : normal_(t, 0, std, gen);
    }

    private static void checkGain(String op, double gain) {
        if (!Double.isFinite(gain)) {
            throw new IllegalArgumentException(op + ": gain must be finite, got " + gain);
        }
    }

    private static double kaimingStd(String op, Tensor t, double a, String mode, String nonlinearity) {
        int[] f = fans(t);
        if (!"fan_in".equals(mode) && !"fan_out".equals(mode)) {
            throw new IllegalArgumentException(op + ": mode must be 'fan_in' or 'fan_out', got '" + mode + "'");
        }
        double gain = calculateGain(nonlinearity, a);
        return gain / Math.sqrt(mode.equals("fan_in") ? f[0] : f[1]);
    }

    /**
     * {@link #calculateGain(String, double)} with leaky_relu's default slope 0.01, as
     * {@code torch.nn.init.calculate_gain(nonlinearity)}.
     *
     * @param nonlinearity the function's name, e.g. "relu"
     * @return the gain
     * @throws IllegalArgumentException if the name is null or unknown
     */
    public static double calculateGain(String nonlinearity) {
        return calculateGain(nonlinearity, 0.01);
    }

    /**
     * The recommended scale for weights feeding a nonlinearity, PyTorch's table
     * ({@code torch.nn.init.calculate_gain}): 1 for linear, conv1d/2d/3d, conv_transpose1d/2d/3d and
     * sigmoid; 5/3 for tanh; sqrt(2) for relu; sqrt(2 / (1 + param²)) for leaky_relu (param the
     * negative slope); 3/4 for selu. Only leaky_relu reads {@code param}.
     *
     * @param nonlinearity the function's name
     * @param param leaky_relu's negative slope
     * @return the gain
     * @throws IllegalArgumentException if the name is null or unknown, or leaky_relu's slope is not finite
     */
    public static double calculateGain(String nonlinearity, double param) {
        if (nonlinearity == null) {
            throw new IllegalArgumentException("calculateGain: nonlinearity is null");
        }
        switch (nonlinearity) {
            case "linear",
                    "conv1d",
                    "conv2d",
                    "conv3d",
                    "conv_transpose1d",
                    "conv_transpose2d",
                    "conv_transpose3d",
                    "sigmoid":
                return 1;
            case "tanh":
                return 5.0 / 3;
            case "relu":
                return Math.sqrt(2);
            case "leaky_relu":
                if (!Double.isFinite(param)) {
                    throw new IllegalArgumentException(
                            "calculateGain: negative slope " + param + " is not a valid number");
                }
                return Math.sqrt(2 / (1 + param * param));
            case "selu":
                return 3.0 / 4;
            default:
                throw new IllegalArgumentException("calculateGain: unsupported nonlinearity '" + nonlinearity + "'");
        }
    }
}
