package org.grad4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpiralTest {
    @Test
    void twoLayerNetworkSeparatesTheSpirals() {
        float accuracy = Spiral.train(300, 1.0f, 0, false);
        assertTrue(accuracy > 0.9f, "accuracy " + accuracy);
    }

    @Test
    void anUntrainedNetworkIsNearChance() {
        float accuracy = Spiral.train(0, 1.0f, 0, false);
        assertTrue(accuracy < 0.6f, "accuracy before training " + accuracy);
    }
}
