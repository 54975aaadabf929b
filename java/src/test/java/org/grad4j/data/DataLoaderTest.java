package org.grad4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DataLoaderTest {
    private static final TensorDataset TEN = TensorDatasetTest.pairs(10);

    /** The targets (sample ids) of every batch of one epoch. */
    private static List<float[]> epoch(DataLoader loader) {
        List<float[]> out = new ArrayList<>();
        for (Batch b : loader) {
            assertEquals(b.size(), b.input().size(0));
            out.add(b.target().toArray());
        }
        return out;
    }

    private static float[] flat(List<float[]> batches) {
        return batches.stream().reduce(new float[0], (a, b) -> {
            float[] c = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        });
    }

    @Test
    void withoutShuffleBatchesFollowTheDatasetAndTheLastIsPartial() {
        DataLoader loader = new DataLoader(TEN, 4);
        assertEquals(3, loader.numBatches());
        List<float[]> batches = epoch(loader);
        assertEquals(3, batches.size());
        assertArrayEquals(new float[] {0, 1, 2, 3}, batches.get(0));
        assertArrayEquals(new float[] {4, 5, 6, 7}, batches.get(1));
        assertArrayEquals(new float[] {8, 9}, batches.get(2));
        Batch first = loader.iterator().next();
        assertArrayEquals(new int[] {4, 2}, first.input().shape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, first.input().toArray());
    }

    @Test
    void dropLastDropsTheIncompleteBatch() {
        DataLoader loader = new DataLoader(TEN, 4, false, null, true, 2);
        assertEquals(2, loader.numBatches());
        List<float[]> batches = epoch(loader);
        assertEquals(2, batches.size());
        assertArrayEquals(new float[] {4, 5, 6, 7}, batches.get(1));
        assertEquals(2, epoch(new DataLoader(TEN, 5, false, null, true, 0)).size(), "exact fit keeps all");
    }

    @Test
    void shuffleVisitsEverySampleOnceInANewOrderEachEpoch() {
        DataLoader loader = new DataLoader(TEN, 3, true, new Generator(7));
        float[] e1 = flat(epoch(loader));
        float[] e2 = flat(epoch(loader));
        float[] sorted = e1.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);
        assertFalse(Arrays.equals(sorted, e1), "shuffled");
        assertFalse(Arrays.equals(e1, e2), "reshuffled each epoch");
    }

    @Test
    void sameSeedGivesTheSameEpochs() {
        DataLoader a = new DataLoader(TEN, 3, true, new Generator(11));
        DataLoader b = new DataLoader(TEN, 3, true, new Generator(11));
        for (int epoch = 0; epoch < 2; epoch++) {
            assertArrayEquals(flat(epoch(a)), flat(epoch(b)));
        }
        assertFalse(Arrays.equals(
                flat(epoch(new DataLoader(TEN, 3, true, new Generator(12)))),
                flat(epoch(new DataLoader(TEN, 3, true, new Generator(11))))));
    }

    @Test
    void prefetchDoesNotChangeTheBatches() {
        for (int prefetch : new int[] {1, 3}) {
            List<float[]> sync = epoch(new DataLoader(TEN, 3, true, new Generator(5), false, 0));
            List<float[]> async = epoch(new DataLoader(TEN, 3, true, new Generator(5), false, prefetch));
            assertEquals(sync.size(), async.size());
            for (int i = 0; i < sync.size(); i++) {
                assertArrayEquals(sync.get(i), async.get(i));
            }
        }
    }

    @Test
    void theWorkerThreadEndsWithTheEpoch() throws InterruptedException {
        BatchIterator it = new DataLoader(TEN, 4).iterator();
        Thread worker = it.worker();
        assertNotNull(worker);
        assertTrue(worker.isDaemon());
        int n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        assertEquals(3, n);
        worker.join(5000);
        assertFalse(worker.isAlive());
        assertThrows(NoSuchElementException.class, it::next);
        assertNull(new DataLoader(TEN, 4, false, null, false, 0).iterator().worker(), "no thread without prefetch");
    }

    @Test
    void closeStopsTheWorkerEarly() throws InterruptedException {
        BatchIterator it = new DataLoader(TensorDatasetTest.pairs(100), 1, false, null, false, 1).iterator();
        it.next();
        it.close();
        it.worker().join(5000);
        assertFalse(it.worker().isAlive());
        assertFalse(it.hasNext());
    }

    @Test
    void anAbandonedIteratorStopsItsWorkerWhenCollected() throws InterruptedException {
        Thread worker = startAndAbandon();
        for (int i = 0; i < 100 && worker.isAlive(); i++) {
            System.gc();
            worker.join(100);
        }
        assertFalse(worker.isAlive(), "the Cleaner stopped the worker of an unreachable iterator");
    }

    private static Thread startAndAbandon() {
        BatchIterator it = new DataLoader(TensorDatasetTest.pairs(100), 1, false, null, false, 1).iterator();
        it.next();
        return it.worker();
    }

    @Test
    void anExceptionInTheWorkerSurfacesInTheConsumer() throws InterruptedException {
        IllegalStateException broken = new IllegalStateException("sample 6 is broken");
        Dataset ds = new Dataset() {
            @Override
            public int size() {
                return 10;
            }

            @Override
            public Tensor[] get(int i) {
                if (i == 6) {
                    throw broken;
                }
                return TEN.get(i);
            }
        };
        BatchIterator it = new DataLoader(ds, 4, false, null, false, 2).iterator();
        assertArrayEquals(new float[] {0, 1, 2, 3}, it.next().target().toArray());
        IllegalStateException e = assertThrows(IllegalStateException.class, it::next);
        assertSame(broken, e);
        it.worker().join(5000);
        assertFalse(it.worker().isAlive());
        assertFalse(it.hasNext());
        assertSame(
                broken,
                assertThrows(IllegalStateException.class, () -> epoch(new DataLoader(ds, 4, false, null, false, 0))),
                "the same without prefetch");
    }

    @Test
    void emptyDatasetGivesNoBatches() {
        DataLoader loader = new DataLoader(new TensorDataset(Tensor.zeros(0, 2)), 4);
        assertEquals(0, loader.numBatches());
        assertEquals(0, epoch(loader).size());
    }

    @Test
    void hyperParametersAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DataLoader(TEN, 0));
        assertEquals("DataLoader: batchSize must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DataLoader(TEN, 2, false, null, false, -1));
        assertEquals("DataLoader: prefetch must be >= 0, got -1", e.getMessage());
    }
}
