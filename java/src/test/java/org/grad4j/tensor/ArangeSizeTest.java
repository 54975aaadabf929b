package org.grad4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** arange refuses, with the numbers, a range longer than any array the VM can make, before allocating. */
class ArangeSizeTest {
    @Test
    void aRangeTooLongForAnArrayIsRefusedWithTheCount() {
        String m = assertThrows(IllegalArgumentException.class, () -> Tensor.arange(0f, 1e10f, 1f))
                .getMessage();
        assertEquals(
                "arange: start 0.0, end 1.0E10 and step 1.0 give 10000000000 elements, more than the 2147483639 a "
                        + "tensor can hold",
                m);
        assertThrows(IllegalArgumentException.class, () -> Tensor.arange(3e38f, -3e38f, -1e-30f));
        assertEquals(0, Tensor.arange(1e10f, 0f, 1f).numel());
    }
}
