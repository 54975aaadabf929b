package org.grad4j.internal.backend.java;

import org.grad4j.internal.math.Erf;

/** Scalar functions the kernels share, in float with double intermediates where precision needs it. */
final class MathFunctions {
    private static final double INV_SQRT2 = 0.7071067811865476;
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private MathFunctions() {}

    static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    /** log(1 + e^x), linear above 20 as in PyTorch. */
    static float softplus(float x) {
        return x > 20f ? x : (float) Math.log1p(Math.exp(x));
    }

    /** x·Φ(x), the exact (erf) GELU. */
    static float gelu(float x) {
        return (float) (0.5 * x * (1 + Erf.erf(x * INV_SQRT2)));
    }

    static float geluGrad(float x) {
        double cdf = 0.5 * (1 + Erf.erf(x * INV_SQRT2));
        return (float) (cdf + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x));
    }
}
