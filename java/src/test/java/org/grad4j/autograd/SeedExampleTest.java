package org.grad4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SeedExampleTest {
    @Test
    void tensorUsedTwiceGetsTheSumOfBothPaths() {
        Tensor a = Tensor.scalar(2f).requiresGrad(true);
        Tensor e = a.add(2f).mul(a.mul(3f).add(4f));
        assertEquals(40f, e.item());
        e.backward();
        assertEquals(22f, a.grad().item(), 1e-6);
    }
}
