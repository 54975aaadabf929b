package org.grad4j.nn;

import org.grad4j.backend.Backend;
import org.grad4j.backend.nativecpu.NativeBackend;
import org.junit.jupiter.api.Test;

/** {@link DeterminismTest}'s training run, twice on a one-thread native backend: bit for bit the same. */
class NativeOneThreadDeterminismTest {
    @Test
    void theSameSeedGivesABitIdenticalRunOnOneNativeThread() {
        try (Backend.Scope ignored = Backend.use(new NativeBackend(1))) {
            DeterminismTest.assertBitIdentical(DeterminismTest.train(7), DeterminismTest.train(7));
        } finally {
            new NativeBackend(); // OpenBLAS's thread count is process-wide: back to the configured one
        }
    }
}
