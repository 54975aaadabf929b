package org.grad4j.consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.grad4j.backend.Backend;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ConsumerSmokeTest {
    @Test
    void multipliesOnTheNativeBackend() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = Tensor.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
        assertArrayEquals(new float[] {4, 5, 10, 11}, a.matmul(b).toArray());
        assertEquals("native", Backend.current().name());
    }
}
