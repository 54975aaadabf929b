package org.grad4j.nn;

import org.grad4j.internal.math.Erf;
import org.grad4j.tensor.Generator;

/**
 * Sampling N(mean, std²) restricted to [a, b] by inverting the normal CDF in double precision:
 * u is uniform in [Φ(α), Φ(β)] and z = Φ⁻¹(u), found by Newton's method from a rational first
 * guess. An interval above the mean is mirrored below it, where Φ keeps its relative precision.
 */
final class TruncatedNormal {
    private static final double SQRT_2 = Math.sqrt(2);
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private TruncatedNormal() {}

    static float[] sample(int n, double mean, double std, double a, double b, Generator gen) {
        double alpha = (a - mean) / std;
        double beta = (b - mean) / std;
        boolean mirrored = alpha > 0;
        if (mirrored) {
            double lo = -beta;
            beta = -alpha;
            alpha = lo;
        }
        double low = cdf(alpha);
        double high = cdf(beta);
        if (!(high > low)) {
            throw new IllegalArgumentException("truncNormal_: [a, b] = [" + a + ", " + b + "] lies too far in the"
                    + " tail of N(" + mean + ", " + std + "²) to sample (its probability underflows)");
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double z = quantile(low + (high - low) * gen.nextDouble(), alpha, beta);
            float v = (float) (mean + std * (mirrored ? -z : z));
            out[i] = Math.min(Math.max(v, (float) a), (float) b);
        }
        return out;
    }

    /** Φ(z), the standard normal CDF. */
    static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / SQRT_2);
    }

    /** z in [lo, hi] with Φ(z) = u: Newton steps, falling back to bisection when a step leaves the bracket. */
    static double quantile(double u, double lo, double hi) {
        double z = Math.max(lo, Math.min(hi, guess(u)));
        for (int i = 0; i < 100; i++) {
            double f = cdf(z) - u;
            if (f == 0) {
                return z;
            }
            if (f < 0) {
                lo = z;
            } else {
                hi = z;
            }
            double next = z - f / (Math.exp(-0.5 * z * z) / SQRT_2PI);
            if (!(next > lo && next < hi)) {
                next = 0.5 * (Math.max(lo, -40) + Math.min(hi, 40));
            }
            if (Math.abs(next - z) <= 1e-12 * (1 + Math.abs(z))) {
                return next;
            }
            z = next;
        }
        return z;
    }

    /** Abramowitz and Stegun 26.2.23: Φ⁻¹(u) within 4.5e-4, a starting point for Newton. */
    private static double guess(double u) {
        double p = Math.min(u, 1 - u);
        if (p <= 0) {
            return u < 0.5 ? -40 : 40;
        }
        double t = Math.sqrt(-2 * Math.log(p));
        double x =
                t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
        return u < 0.5 ? -x : x;
    }
}
