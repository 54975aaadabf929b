package org.grad4j.internal.backend.java;

/** Scalar functions the kernels share, in float with double intermediates where precision needs it. */
final class MathFunctions {
    private static final double INV_SQRT2 = 0.7071067811865476;
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private MathFunctions() {}

    /** erf(x) with fractional error below 1.2e-7 (Numerical Recipes' Chebyshev fit of erfc). */
    static double erf(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double erfc = t
                * Math.exp(
                        -z * z
                                - 1.26551223
                                + t
                                        * (1.00002368
                                                + t
                                                        * (0.37409196
                                                                + t
                                                                        * (0.09678418
                                                                                + t
                                                                                        * (-0.18628806
                                                                                                + t
                                                                                                        * (0.27886807
                                                                                                                + t
                                                                                                                        * (-1.13520398
                                                                                                                                + t
                                                                                                                                        * (1.48851587
                                                                                                                                                + t
                                                                                                                                                        * (-0.82215223
                                                                                                                                                                + t
                                                                                                                                                                        * 0.17087277)))))))));
        return x >= 0 ? 1 - erfc : erfc - 1;
    }

    static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    /** log(1 + e^x), linear above 20 as in PyTorch. */
    static float softplus(float x) {
        return x > 20f ? x : (float) Math.log1p(Math.exp(x));
    }

    /** x·Φ(x), the exact (erf) GELU. */
    static float gelu(float x) {
        return (float) (0.5 * x * (1 + erf(x * INV_SQRT2)));
    }

    static float geluGrad(float x) {
        double cdf = 0.5 * (1 + erf(x * INV_SQRT2));
        return (float) (cdf + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x));
    }
}
