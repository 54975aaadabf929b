package org.grad4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.grad4j.autograd.GradMode;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.function.Executable;

/** Small helpers shared by the layer tests. */
final class Layers {
    private Layers() {}

    /** A leaf with uniform values in [-2, 2) at least {@code margin} away from 0 (a kink of relu-like layers). */
    static Tensor awayFromZero(long seed, float margin, int... shape) {
        float[] v = Tensor.uniform(new Generator(seed), -2f, 2f, shape).toArray();
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(v[i]) < margin) {
                v[i] = v[i] >= 0 ? margin : -margin;
            }
        }
        return Tensor.of(v, shape).requiresGrad(true);
    }

    /** A leaf with values 0.1 apart in shuffled order, so max pooling has no near-ties. */
    static Tensor distinct(long seed, int... shape) {
        Generator gen = new Generator(seed);
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

    /** A standard normal leaf that requires grad. */
    static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), shape).requiresGrad(true);
    }

    /** Overwrites a parameter's values (outside the graph). */
    static void set(Tensor t, float... values) {
        try (Scope ignored = GradMode.noGrad()) {
            t.copy_(Tensor.of(values, t.shape()));
        }
    }

    /** Asserts that {@code code} throws IllegalArgumentException with exactly this message. */
    static void assertMessage(String expected, Executable code) {
        assertEquals(
                expected, assertThrows(IllegalArgumentException.class, code).getMessage());
    }

    static void assertKeys(List<String> expected, Module m) {
        assertEquals(expected, List.copyOf(m.stateDict().keySet()));
    }
}
