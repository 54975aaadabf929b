package org.grad4j.internal.backend.java;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.grad4j.backend.Conv2dGeometry;
import org.junit.jupiter.api.Test;

/**
 * The Java backend's im2col needs one column matrix per image group in one array; beyond that, an
 * error with its size.
 */
class ConvolutionLimitsTest {
    @Test
    void aColumnMatrixBeyondAJavaArrayIsAnErrorNotAnIndexOutOfBounds() {
        // a 200 x 200 kernel over a 1000 x 1000 image: 40,000 x 641,601 column entries
        Conv2dGeometry g = new Conv2dGeometry(1, 1, 1000, 1000, 1, 200, 200, 1, 1, 0, 0, 1, 1, 1);
        JavaBackend java = new JavaBackend(1);
        float[] x = new float[1000 * 1000];
        float[] w = new float[200 * 200];
        float[] y = new float[801 * 801];
        for (Runnable call : new Runnable[] {
            () -> java.conv2dForward(g, x, 0, w, 0, y, 0),
            () -> java.conv2dBackwardData(g, y, 0, w, 0, x, 0),
            () -> java.conv2dBackwardWeight(g, x, 0, y, 0, w, 0)
        }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
            assertTrue(e.getMessage().contains("40000 x 641601 = 25664040000 floats"), e.getMessage());
        }
    }
}
