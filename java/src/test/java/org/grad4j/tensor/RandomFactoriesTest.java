package org.grad4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The random factories as PyTorch users write them: a shape alone, or a generator first. */
class RandomFactoriesTest {
    @AfterEach
    void restoreTheDefaultGenerator() {
        Generator.manualSeed(0);
    }

    @Test
    void aShapeAloneDrawsFromTheDefaultGeneratorThatManualSeedSeeds() {
        assertArrayEquals(new int[] {256, 2}, Tensor.randn(256, 2).shape());
        assertArrayEquals(new int[] {3, 4, 5}, Tensor.rand(3, 4, 5).shape());
        Generator.manualSeed(7);
        float[] first = Tensor.randn(10).toArray();
        float[] second = Tensor.rand(10).toArray();
        Generator.manualSeed(7);
        assertArrayEquals(first, Tensor.randn(10).toArray());
        assertArrayEquals(second, Tensor.rand(10).toArray());
        assertArrayEquals(
                first, Tensor.randn(new Generator(7), 10).toArray(), "the same draws as a generator of seed 7");
    }

    @Test
    void uniformAndNormalWithoutAGenerator() {
        for (float v : Tensor.uniform(-3, 2, 1000).toArray()) {
            assertTrue(v >= -3 && v < 2, "uniform(-3, 2) gave " + v);
        }
        float[] n = Tensor.normal(5, 0.5f, 20_000).toArray();
        double mean = 0;
        for (float v : n) {
            mean += v / n.length;
        }
        assertEquals(5, mean, 0.02);
        assertEquals(0f, Tensor.normal(1, 0, 3).sub(1).abs().max().item());
    }

    @Test
    void randintDrawsEveryIntegerOfItsRangeAndNoOther() {
        float[] v = Tensor.randint(new Generator(1), -2, 3, 2000).toArray();
        boolean[] seen = new boolean[5];
        for (float x : v) {
            assertEquals(Math.rint(x), x, "an integer");
            assertTrue(x >= -2 && x < 3, "in [-2, 3): " + x);
            seen[(int) x + 2] = true;
        }
        assertArrayEquals(new boolean[] {true, true, true, true, true}, seen);
        assertArrayEquals(new int[] {2, 3}, Tensor.randint(0, 10, 2, 3).shape());
        assertThrows(IllegalArgumentException.class, () -> Tensor.randint(3, 3, 1));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Tensor.randint(0, (1 << 24) + 1, 1));
        assertTrue(e.getMessage().startsWith("randint: "), e.getMessage());
    }

    @Test
    void randpermIsAPermutation() {
        float[] p = Tensor.randperm(new Generator(3), 1000).toArray();
        float[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        assertFalse(Arrays.equals(p, sorted), "shuffled");
        assertArrayEquals(p, Tensor.randperm(new Generator(3), 1000).toArray());
        assertEquals(0, Tensor.randperm(0).numel());
        assertArrayEquals(new float[] {0}, Tensor.randperm(1).toArray());
        assertThrows(IllegalArgumentException.class, () -> Tensor.randperm(-1));
    }

    @Test
    void threadsSharingAGeneratorDrawEachValueOnce() throws Exception {
        Generator shared = new Generator(11);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> parts = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                parts.add(pool.submit(() -> Tensor.randn(shared, 5000).toArray()));
            }
            float[] all = new float[0];
            for (Future<float[]> f : parts) {
                float[] part = f.get();
                float[] grown = Arrays.copyOf(all, all.length + part.length);
                System.arraycopy(part, 0, grown, all.length, part.length);
                all = grown;
            }
            float[] sequential = Tensor.randn(new Generator(11), all.length).toArray();
            Arrays.sort(all);
            Arrays.sort(sequential);
            assertArrayEquals(sequential, all);
        } finally {
            pool.shutdownNow();
        }
    }
}
