package org.grad4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@link Backend#runParts} on the default backend (grad4j-native runs it on the native pool):
 * every part once, kernels inside a part giving the values they give outside, exceptions rethrown.
 */
class RunPartsTest {
    private final Backend backend = Backend.current();

    @Test
    void runsEveryPartOnceOnAnyNumberOfThreads() {
        int before = Threads.get();
        try {
            for (int threads : new int[] {1, 2, 3}) {
                Threads.set(threads);
                for (int parts : new int[] {1, 2, 5}) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(parts);
                    backend.runParts(parts, runs::incrementAndGet);
                    for (int p = 0; p < parts; p++) {
                        assertEquals(1, runs.get(p), parts + " parts on " + threads + " threads, part " + p);
                    }
                }
            }
        } finally {
            Threads.set(before);
        }
    }

    @Test
    void kernelsInsideAPartGiveTheirValuesOutside() {
        Tensor a = Tensor.randn(new Generator(1), 200, 300);
        Tensor b = Tensor.randn(new Generator(2), 300, 250);
        float[] expected = a.matmul(b).tanh().toArray();
        float[][] got = new float[3][];
        backend.runParts(3, p -> got[p] = a.matmul(b).tanh().toArray());
        for (float[] g : got) {
            assertArrayEquals(expected, g);
        }
    }

    @Test
    void partsInsideAPartRunOnItsThreadOneAfterAnother() {
        Thread[][] threads = new Thread[2][3];
        backend.runParts(2, outer -> backend.runParts(3, inner -> threads[outer][inner] = Thread.currentThread()));
        for (Thread[] inner : threads) {
            assertSame(inner[0], inner[1]);
            assertSame(inner[0], inner[2]);
        }
    }

    @Test
    void rethrowsTheLowestPartsExceptionOnceAllHaveRun() {
        AtomicIntegerArray runs = new AtomicIntegerArray(4);
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> backend.runParts(4, p -> {
                    runs.incrementAndGet(p);
                    if (p >= 1) {
                        throw new IllegalStateException("part " + p);
                    }
                }));
        assertEquals("part 1", e.getMessage());
        for (int p = 0; p < 4; p++) {
            assertEquals(1, runs.get(p));
        }
        assertThrows(
                AssertionError.class,
                () -> backend.runParts(2, p -> {
                    throw new AssertionError("an error");
                }));
    }

    @Test
    void rejectsPartCountsOutOfRangeAndNoWork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backend.runParts(0, p -> {}));
        assertEquals("runParts: parts must be in [1, 65536], got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> backend.runParts(Backend.MAX_PARTS + 1, p -> {}));
        e = assertThrows(IllegalArgumentException.class, () -> backend.runParts(2, null));
        assertEquals("runParts: the part is null", e.getMessage());
    }
}
