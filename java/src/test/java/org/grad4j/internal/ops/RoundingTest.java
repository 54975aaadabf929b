package org.grad4j.internal.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.grad4j.backend.Backend;
import org.grad4j.internal.backend.java.JavaBackend;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * floor, ceil and trunc on every backend bit for bit, signed zeros included (which the specs'
 * tolerances do not see), and their gradient: zeros of the input's shape, at integers too, as in
 * PyTorch.
 */
class RoundingTest {
    private static void check(String name, UnaryOperator<Tensor> op, DoubleUnaryOperator ref) {
        // long enough for the vector loops and their tail
        float[] x = new float[3 * UnarySpecs.ROUNDING_EDGES.length + 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = UnarySpecs.ROUNDING_EDGES[i % UnarySpecs.ROUNDING_EDGES.length];
        }
        List<Backend> backends = new ArrayList<>(Backend.available());
        backends.add(new JavaBackend(1));
        for (Backend backend : backends) {
            float[] got;
            try (Scope ignored = Backend.use(backend)) {
                got = op.apply(Tensor.of(x, x.length)).toArray();
            }
            for (int i = 0; i < x.length; i++) {
                float want = (float) ref.applyAsDouble(x[i]);
                assertEquals(
                        Float.floatToIntBits(want),
                        Float.floatToIntBits(got[i]),
                        backend.name() + " " + name + "(" + x[i] + "): " + got[i] + ", want " + want);
            }
        }
    }

    @Test
    void floor() {
        check("floor", Tensor::floor, Math::floor);
    }

    @Test
    void ceil() {
        check("ceil", Tensor::ceil, Math::ceil);
    }

    @Test
    void trunc() {
        check("trunc", Tensor::trunc, x -> Math.signum(x) * Math.floor(Math.abs(x)));
    }

    @Test
    void gradientIsZeroEverywhere() {
        Tensor x = Tensor.of(new float[] {-2f, -0.5f, 0f, 1f, 1.5f, 3f}, 2, 3).requiresGrad(true);
        Tensor w = Tensor.of(new float[] {1f, 2f, 3f}, 3);
        Tensor y = x.floor().mul(w).add(x.ceil()).add(x.trunc().mul(2f));
        assertTrue(y.requiresGrad(), "the output requires grad, as in PyTorch");
        y.sum().backward();
        assertArrayEquals(new int[] {2, 3}, x.grad().shape());
        assertArrayEquals(new float[6], x.grad().toArray());
    }
}
