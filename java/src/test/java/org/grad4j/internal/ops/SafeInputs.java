package org.grad4j.internal.ops;

import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;

/**
 * Leaves whose values keep gradcheck's ±1e-3 steps away from kinks (abs, relu, clamp bounds)
 * and from ties (max, min), where finite differences would straddle a non-differentiable point.
 */
final class SafeInputs {
    private static long seed = 1_000_003;

    private SafeInputs() {}

    /** Uniform values in [-2, 2), each moved to at least {@code margin} from every kink. */
    static Tensor awayFrom(float margin, float[] kinks, int... shape) {
        float[] v = Tensor.uniform(new Generator(seed++), -2f, 2f, shape).toArray();
        for (int i = 0; i < v.length; i++) {
            for (float k : kinks) {
                if (Math.abs(v[i] - k) < margin) {
                    v[i] = v[i] >= k ? k + margin : k - margin;
                }
            }
        }
        return Tensor.of(v, shape).requiresGrad(true);
    }

    /** Values 0.1 apart (a shuffled, centred 0.1·arange), so no two are within gradcheck's step. */
    static Tensor distinct(int... shape) {
        Generator gen = new Generator(seed++);
        float[] v = new float[Tensor.zeros(shape).numel()];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.1f * (i - v.length / 2);
        }
        for (int i = v.length - 1; i > 0; i--) {
            int j = gen.nextInt(i + 1);
            float t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return Tensor.of(v, shape).requiresGrad(true);
    }

    /** Small integers 0, 1 or 2, so comparisons see many ties; no grad. */
    static Tensor ints(int... shape) {
        float[] v = Tensor.uniform(new Generator(seed++), 0f, 3f, shape).toArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.floor(v[i]);
        }
        return Tensor.of(v, shape);
    }

    /** A leaf laid out as the transpose of {@code t} (a contiguous [cols, rows] tensor). */
    static Tensor transposed(Tensor t) {
        return t.detach().t().requiresGrad(t.requiresGrad());
    }

    /** A leaf that is every other column of {@code t} (a contiguous [rows, 2·cols] tensor). */
    static Tensor strided(Tensor t) {
        return t.detach().slice(1, 0, t.size(1), 2).requiresGrad(t.requiresGrad());
    }
}
