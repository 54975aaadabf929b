package org.grad4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SavedTensorMeterTest {
    @Test
    void countsEachSavedStorageOnceUntilTheBackwardThatFreesIt() {
        Tensor w = Tensor.ones(3).requiresGrad(true);
        Tensor x = Tensor.ones(5, 3).requiresGrad(true);
        try (SavedTensorMeter meter = SavedTensorMeter.start(List.of(w))) {
            Tensor y = x.mul(w);
            assertEquals(60, meter.bytes(), "x's 15 floats; w is excluded");
            Tensor z = y.mul(y);
            assertEquals(120, meter.bytes(), "y's storage once, though mul saves it twice");
            z.sum().backward();
            assertEquals(0, meter.bytes());
            assertEquals(120, meter.peakBytes());
        }
    }

    @Test
    void callsThatAreNotRecordedAndClosedMetersCountNothing() {
        Tensor x = Tensor.ones(4).requiresGrad(true);
        SavedTensorMeter meter = SavedTensorMeter.start(List.of());
        try (var ignored = GradMode.noGrad()) {
            x.mul(x);
        }
        assertEquals(0, meter.bytes());
        meter.close();
        x.mul(x);
        assertEquals(0, meter.peakBytes());
    }
}
