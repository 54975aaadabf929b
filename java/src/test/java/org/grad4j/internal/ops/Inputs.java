package org.grad4j.internal.ops;

import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;

/** Leaf tensors for op samples: seeded, contiguous or laid out as views. */
final class Inputs {
    private static long seed = 1;

    private Inputs() {}

    /** Standard normal values, requiring grad. */
    static Tensor randn(int... shape) {
        return Tensor.randn(new Generator(seed++), shape).requiresGrad(true);
    }

    /** Uniform values in [low, high), requiring grad. */
    static Tensor uniform(float low, float high, int... shape) {
        return Tensor.uniform(new org.grad4j.tensor.Generator(seed++), low, high, shape)
                .requiresGrad(true);
    }

    /** A leaf whose layout is the transpose of a contiguous tensor (shape [rows, cols], strides [1, rows]). */
    static Tensor transposed(int rows, int cols) {
        return Tensor.randn(new Generator(seed++), cols, rows).t().detach().requiresGrad(true);
    }

    /** A leaf that is every other column of a wider tensor (a strided, non-contiguous view). */
    static Tensor strided(int rows, int cols) {
        return Tensor.randn(new Generator(seed++), rows, 2 * cols)
                .slice(1, 0, 2 * cols, 2)
                .detach()
                .requiresGrad(true);
    }

    /** A constant (no grad) tensor with given values. */
    static Tensor constant(float[] values, int... shape) {
        return Tensor.of(values, shape);
    }
}
