package org.grad4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.grad4j.internal.backend.java.JavaBackend;
import org.junit.jupiter.api.Test;

class ThreadsTest {
    @Test
    void thePropertyGivesTheStartValueAndDefaultsToTheCores() {
        assertEquals(Runtime.getRuntime().availableProcessors(), Threads.parse(null));
        assertEquals(Runtime.getRuntime().availableProcessors(), Threads.parse(" "));
        assertEquals(3, Threads.parse(" 3 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Threads.parse("0"));
        assertEquals("grad4j.threads must be a positive integer, got '0'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Threads.parse("two"));
    }

    @Test
    void theSetterWinsAndBackendsFollowItUnlessGivenACountOfTheirOwn() {
        int before = Threads.get();
        Backend following = new JavaBackend();
        Backend own = new JavaBackend(2);
        try {
            Threads.set(3);
            assertEquals(3, Threads.get());
            assertEquals(3, following.threads());
            assertEquals(2, own.threads());
            Threads.set(1);
            assertEquals(1, following.threads());
            float[] c = new float[4];
            following.gemm(false, false, 2, 2, 1, 1f, new float[] {1, 2}, 0, 1, new float[] {3, 4}, 0, 2, 0f, c, 0, 2);
            assertEquals(8f, c[3]);
        } finally {
            Threads.set(before);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Threads.set(0));
        assertEquals("Threads.set: threads must be >= 1, got 0", e.getMessage());
    }
}
