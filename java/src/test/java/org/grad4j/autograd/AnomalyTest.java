package org.grad4j.autograd;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AnomalyTest {
    @Test
    void namesTheForwardOpThatMadeANaN() {
        Tensor x = Tensor.of(new float[] {-1, 4}, 2).requiresGrad(true);
        try (Scope ignored = Anomaly.detect()) {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> x.exp().mul(x.log()));
            assertTrue(e.getMessage().startsWith("log: forward produced NaN"), e.getMessage());
        }
        x.log();
    }

    @Test
    void namesTheBackwardOpThatMadeAnInfinity() {
        Tensor x = Tensor.of(new float[] {0, 4}, 2).requiresGrad(true);
        Tensor y = x.sqrt().sum();
        try (Scope ignored = Anomaly.detect()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
            assertTrue(e.getMessage().startsWith("sqrt: backward produced NaN or infinity"), e.getMessage());
        }
    }
}
