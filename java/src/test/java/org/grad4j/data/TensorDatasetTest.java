package org.grad4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class TensorDatasetTest {
    /** x[i] = {2i, 2i+1}, y[i] = i. */
    static TensorDataset pairs(int n) {
        float[] x = new float[2 * n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = 2 * i;
            x[2 * i + 1] = 2 * i + 1;
            y[i] = i;
        }
        return new TensorDataset(Tensor.of(x, n, 2), Tensor.of(y, n));
    }

    @Test
    void getReturnsViewsOfOneRow() {
        TensorDataset ds = pairs(5);
        assertEquals(5, ds.size());
        Tensor[] s = ds.get(3);
        assertArrayEquals(new int[] {2}, s[0].shape());
        assertArrayEquals(new float[] {6, 7}, s[0].toArray());
        assertArrayEquals(new int[0], s[1].shape());
        assertEquals(3f, s[1].item());
        assertTrue(TensorInternals.storage(s[0]) == TensorInternals.storage(ds.tensor(0)), "a view shares the storage");
    }

    @Test
    void getBatchGathersWithIndexSelectLikeStacking() {
        TensorDataset ds = pairs(5);
        int[] idx = {4, 0, 2};
        Tensor[] fast = ds.getBatch(idx);
        Tensor[] stacked = new Dataset() {
            @Override
            public int size() {
                return ds.size();
            }

            @Override
            public Tensor[] get(int i) {
                return ds.get(i);
            }
        }.getBatch(idx);
        for (int f = 0; f < 2; f++) {
            assertArrayEquals(stacked[f].shape(), fast[f].shape());
            assertArrayEquals(stacked[f].toArray(), fast[f].toArray());
        }
        assertArrayEquals(new float[] {8, 9, 0, 1, 4, 5}, fast[0].toArray());
        assertArrayEquals(new float[] {4, 0, 2}, fast[1].toArray());
    }

    @Test
    void badInputsNameTheClassAndShapes() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new TensorDataset(Tensor.zeros(3, 2), Tensor.zeros(4)));
        assertEquals(
                "TensorDataset: tensors must have rank >= 1 and the same size of dim 0, got [3, 2], [4]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pairs(3).get(3));
        assertEquals("TensorDataset: index 3 out of range for a dataset of size 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pairs(3).getBatch(new int[] {0, -1}));
    }

    @Test
    void defaultGetBatchRejectsSamplesOfDifferentShapes() {
        Dataset ragged = new Dataset() {
            @Override
            public int size() {
                return 2;
            }

            @Override
            public Tensor[] get(int i) {
                return new Tensor[] {Tensor.zeros(i + 1)};
            }
        };
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ragged.getBatch(new int[] {0, 1}));
        assertEquals(
                "Dataset.getBatch: field 0 of sample 1 has shape [2] but sample 0 has [1]; samples must match "
                        + "to be stacked",
                e.getMessage());
    }

    @Test
    void subsetMapsIndicesAndKeepsTheFastPath() {
        Subset s = new Subset(pairs(6), new int[] {5, 1});
        assertEquals(2, s.size());
        assertEquals(1f, s.get(1)[1].item());
        assertArrayEquals(new float[] {5, 1}, s.getBatch(new int[] {0, 1})[1].toArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.get(2));
        assertEquals("Subset: index 2 out of range for a subset of size 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Subset(pairs(2), new int[] {2}));
    }

    @Test
    void randomSplitByLengthsIsADisjointSeededPartition() {
        TensorDataset ds = pairs(10);
        List<Subset> a = Datasets.randomSplit(ds, new int[] {7, 3}, new Generator(1));
        List<Subset> b = Datasets.randomSplit(ds, new int[] {7, 3}, new Generator(1));
        assertEquals(7, a.get(0).size());
        assertEquals(3, a.get(1).size());
        assertArrayEquals(a.get(0).indices(), b.get(0).indices());
        Set<Integer> all = new HashSet<>();
        for (Subset s : a) {
            Arrays.stream(s.indices()).forEach(all::add);
        }
        assertEquals(10, all.size());
        List<Subset> c = Datasets.randomSplit(ds, new int[] {7, 3}, new Generator(2));
        assertTrue(!Arrays.equals(a.get(0).indices(), c.get(0).indices()), "another seed, another split");
    }

    @Test
    void randomSplitByFractionsHandsOutTheRemainderInOrder() {
        // floor(10 * 0.45) = 4, floor(10 * 0.45) = 4, floor(10 * 0.1) = 1; one left over goes to part 0
        List<Subset> parts = Datasets.randomSplit(pairs(10), new double[] {0.45, 0.45, 0.1}, new Generator(0));
        assertEquals(List.of(5, 4, 1), parts.stream().map(Subset::size).toList());
    }

    @Test
    void randomSplitRejectsBadLengths() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Datasets.randomSplit(pairs(10), new int[] {5, 4}, new Generator(0)));
        assertEquals("randomSplit: lengths [5, 4] add up to 9, not to the dataset's size 10", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> Datasets.randomSplit(pairs(10), new double[] {0.5, 0.4}, new Generator(0)));
        assertTrue(e.getMessage().startsWith("randomSplit: fractions [0.5, 0.4] must add up to 1"), e.getMessage());
    }

    @Test
    void batchAccessors() {
        Batch b = new Batch(Tensor.zeros(4, 3), Tensor.zeros(4));
        assertEquals(4, b.size());
        assertEquals(2, b.numFields());
        assertArrayEquals(new int[] {4, 3}, b.input().shape());
        assertArrayEquals(new int[] {4}, b.target().shape());
        assertEquals("Batch(size=4, fields=[[4, 3], [4]])", b.toString());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new Batch(Tensor.zeros(4)).target());
        assertEquals("Batch: target() is field 1, but this batch has only one field [[4]]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Batch(Tensor.zeros(4), Tensor.zeros(3)));
    }
}
