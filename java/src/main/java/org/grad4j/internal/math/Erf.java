package org.grad4j.internal.math;

/**
 * The error function, from Numerical Recipes' Chebyshev fit of erfc. {@link #erfc} has a relative
 * error below 1.2e-7 everywhere, about float32's epsilon; {@link #erf} is 1 − erfc, so that error
 * is absolute for it: near 0 its relative error grows (3e-4 at x = 1e-4), which x·Φ(x) (GELU)
 * does not feel.
 */
public final class Erf {
    /** The fit's polynomial in t = 1 / (1 + |x| / 2), lowest power first. */
    private static final double[] COEFFICIENTS = {
        -1.26551223,
        1.00002368,
        0.37409196,
        0.09678418,
        -0.18628806,
        0.27886807,
        -1.13520398,
        1.48851587,
        -0.82215223,
        0.17087277
    };

    private Erf() {}

    /** erf(x). */
    public static double erf(double x) {
        double r = erfcOfAbs(Math.abs(x));
        return x >= 0 ? 1 - r : r - 1;
    }

    /** erfc(x) = 1 − erf(x), accurate in the tails where 1 − erf(x) would round to 0. */
    public static double erfc(double x) {
        double r = erfcOfAbs(Math.abs(x));
        return x >= 0 ? r : 2 - r;
    }

    private static double erfcOfAbs(double z) {
        double t = 1 / (1 + 0.5 * z);
        double p = COEFFICIENTS[COEFFICIENTS.length - 1];
        for (int i = COEFFICIENTS.length - 2; i >= 1; i--) {
            p = COEFFICIENTS[i] + t * p;
        }
        return t * Math.exp(-z * z + COEFFICIENTS[0] + t * p);
    }
}
