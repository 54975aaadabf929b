package org.grad4j.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** NaN and infinities propagate as IEEE arithmetic says, even through a zero factor. */
class NonFinitePropagationTest {
    @Test
    void matmulPropagatesNaNAndInfinityThroughAZeroFactor() {
        // the Java GEMM once skipped zero entries of A, so 0·NaN and 0·∞ vanished (BackendParityFuzzTest found it)
        Tensor a = Tensor.of(new float[] {0, -0.5f}, 1, 2);
        float[] got = a.matmul(Tensor.of(new float[] {Float.NaN, Float.POSITIVE_INFINITY, 2, 3}, 2, 2))
                .toArray();
        assertTrue(Float.isNaN(got[0]) && Float.isNaN(got[1]), java.util.Arrays.toString(got));
        assertEquals(
                -1f,
                Tensor.of(new float[] {0, -0.5f}, 1, 2)
                        .matmul(Tensor.of(new float[] {5, 2}, 2, 1))
                        .item());
    }
}
