package org.grad4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchCloseTest {
    private static final int BATCHES = 20;

    /** The distinct input buffers of one epoch of 20 batches, each closed (or not) once read. */
    private static int distinctBuffers(int prefetch, boolean close) {
        DataLoader loader =
                new DataLoader(TensorDatasetTest.pairs(2 * BATCHES), 2, true, new Generator(3), false, prefetch);
        Set<float[]> buffers = Collections.newSetFromMap(new IdentityHashMap<>());
        int batches = 0;
        for (Batch batch : loader) {
            buffers.add(TensorInternals.data(batch.input()));
            batches++;
            if (close) {
                batch.close();
            }
        }
        assertEquals(BATCHES, batches);
        return buffers.size();
    }

    @ParameterizedTest(name = "prefetch {0}")
    @ValueSource(ints = {0, 2})
    void closedBatchesServeTheLoadersNextBatches(int prefetch) {
        assertEquals(BATCHES, distinctBuffers(prefetch, false), "without close, every batch takes fresh memory");
        // With prefetch p, at most p batches wait in the queue, one is being made and one is in use.
        assertTrue(distinctBuffers(prefetch, true) <= prefetch + 2, "closed batches' buffers are reused");
    }

    @Test
    void aClosedBatchFailsWhenUsedAndClosingTwiceDoesNothing() {
        Batch batch = new DataLoader(TensorDatasetTest.pairs(4), 2).iterator().next();
        batch.close();
        batch.close();
        assertTrue(batch.input().isClosed());
        assertThrows(IllegalStateException.class, () -> batch.target().toArray());
    }

    @Test
    void aDatasetWhoseBatchesAreViewsOfItsDataKeepsItsData() {
        Tensor data = Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 6);
        Dataset ranges = new Dataset() {
            @Override
            public int size() {
                return 6;
            }

            @Override
            public Tensor[] get(int index) {
                return new Tensor[] {data.select(0, index)};
            }

            @Override
            public Tensor[] getBatch(int[] indices) {
                return new Tensor[] {data.narrow(0, indices[0], indices.length)};
            }
        };
        for (Batch batch : new DataLoader(ranges, 3)) {
            batch.close();
            assertFalse(batch.input().isClosed(), "a view of the dataset's data is not released");
        }
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, data.toArray());
    }

    @Test
    void aSubsetOfADatasetThatMakesNewBatchesMakesNewBatches() {
        TensorDataset pairs = TensorDatasetTest.pairs(6);
        assertTrue(Datasets.makesNewBatches(pairs));
        assertTrue(Datasets.makesNewBatches(new Subset(pairs, new int[] {1, 3})));
    }

    @Test
    void aBatchTheCallerMadeReleasesItsTensors() {
        Tensor x = Tensor.zeros(2, 3);
        new Batch(x).close();
        assertTrue(x.isClosed());
    }
}
