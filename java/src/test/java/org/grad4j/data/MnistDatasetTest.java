package org.grad4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MnistDataset keeps bytes and makes float tensors per sample and per batch. */
class MnistDatasetTest {
    private static final int N = 3;
    private static final int PIXELS = 28 * 28;

    @TempDir
    Path tmp;

    /** Image i, pixel p holds (97 i + p) mod 256: every byte value, at other places in each image. */
    private final byte[] pixels = new byte[N * PIXELS];

    private final byte[] labels = {7, 0, 9};
    private FashionMNIST ds;

    @BeforeEach
    void writeFiles() {
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (97 * (i / PIXELS) + i % PIXELS);
        }
        IdxFiles.write(tmp.resolve("root/train-images-idx3-ubyte"), IdxFiles.ubyte(pixels, N, 28, 28));
        IdxFiles.write(tmp.resolve("root/train-labels-idx1-ubyte"), IdxFiles.ubyte(labels, N));
        ds = new FashionMNIST(options());
    }

    private DatasetOptions options() {
        return new DatasetOptions()
                .root(tmp.resolve("root"))
                .cacheDir(tmp.resolve("cache"))
                .systemDir(tmp.resolve("system"))
                .download(false)
                .progress(null);
    }

    /** The pixels of images {@code indices}, each byte as v / 255f. */
    private float[] expected(int... indices) {
        float[] out = new float[indices.length * PIXELS];
        for (int k = 0; k < indices.length; k++) {
            for (int p = 0; p < PIXELS; p++) {
                out[k * PIXELS + p] = (pixels[indices[k] * PIXELS + p] & 0xff) / 255f;
            }
        }
        return out;
    }

    @Test
    void aBatchHoldsEveryPixelAsItsByteOver255Exactly() {
        int[] indices = {2, 0, 2, 1};
        Tensor[] batch = ds.getBatch(indices);
        assertEquals(2, batch.length);
        assertArrayEquals(new int[] {4, 1, 28, 28}, batch[0].shape());
        // assertArrayEquals on floats compares the bits: no tolerance
        assertArrayEquals(expected(indices), batch[0].toArray());
        assertArrayEquals(new int[] {4}, batch[1].shape());
        assertArrayEquals(new float[] {9, 7, 9, 0}, batch[1].toArray());
        assertEquals(1f, batch[0].get(0, 0, 2, 5), "image 2, pixel 61 holds byte 255");
        assertEquals(0f, batch[0].get(3, 0, 5, 19), "image 1, pixel 159 holds byte 0");
    }

    @Test
    void thePixelsAreTheValuesOfDividingTheFloatImagesBy255() {
        // how they were made when the dataset held floats: the file's values as floats, div_(255f)
        float[] asStored = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            asStored[i] = pixels[i] & 0xff;
        }
        Tensor before = Tensor.of(asStored, N, 1, 28, 28).div_(255f);
        assertArrayEquals(before.toArray(), ds.getBatch(new int[] {0, 1, 2})[0].toArray());
        assertArrayEquals(before.toArray(), ds.images().toArray());
    }

    @Test
    void normalizedPixelsAreTheValuesOfSubThenDivOnTheScaledOnes() {
        float mean = 0.2860f;
        float std = 0.3530f;
        FashionMNIST normalized = new FashionMNIST(options().normalize(mean, std));
        Tensor expected = ds.images().sub(mean).div(std);
        assertArrayEquals(expected.toArray(), normalized.images().toArray(), "bit for bit");
        int[] indices = {2, 0, 1};
        assertArrayEquals(
                ds.getBatch(indices)[0].sub(mean).div(std).toArray(), normalized.getBatch(indices)[0].toArray());
        assertArrayEquals(ds.get(1)[0].sub(mean).div(std).toArray(), normalized.get(1)[0].toArray());
        assertArrayEquals(ds.labels().toArray(), normalized.labels().toArray(), "labels are not normalized");
    }

    @Test
    void normalizeRejectsAStdThatIsNotPositiveAndFinite() {
        for (float[] bad : new float[][] {{0f, 0f}, {0f, -1f}, {0f, Float.NaN}, {Float.POSITIVE_INFINITY, 1f}}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> new DatasetOptions().normalize(bad[0], bad[1]));
            assertEquals(
                    "DatasetOptions.normalize: expects a finite mean and a finite std > 0, got mean " + bad[0]
                            + " and std " + bad[1],
                    e.getMessage());
        }
    }

    @Test
    void getAndGetBatchAgree() {
        Tensor[] all = ds.getBatch(new int[] {1, 2, 0});
        int[] order = {1, 2, 0};
        for (int k = 0; k < N; k++) {
            int i = order[k];
            Tensor[] sample = ds.get(i);
            assertArrayEquals(new int[] {1, 28, 28}, sample[0].shape());
            assertArrayEquals(new int[0], sample[1].shape());
            assertArrayEquals(all[0].select(0, k).toArray(), sample[0].toArray(), "image " + i);
            assertArrayEquals(expected(i), sample[0].toArray(), "image " + i);
            assertEquals(all[1].get(k), sample[1].item(), "label " + i);
            assertEquals(labels[i], sample[1].item(), "label " + i);
        }
    }

    @Test
    void imagesAndLabelsAreNewTensorsAtEachCall() {
        Tensor images = ds.images();
        Tensor labelsTensor = ds.labels();
        assertArrayEquals(new int[] {N, 1, 28, 28}, images.shape());
        assertArrayEquals(expected(0, 1, 2), images.toArray());
        assertArrayEquals(new float[] {7, 0, 9}, labelsTensor.toArray());
        images.fill_(-1f);
        labelsTensor.fill_(-1f);
        assertArrayEquals(expected(0, 1, 2), ds.images().toArray(), "changing a copy leaves the dataset as it was");
        assertArrayEquals(new float[] {7, 0, 9}, ds.labels().toArray());
        assertArrayEquals(expected(1), ds.get(1)[0].toArray());
    }

    @Test
    void aDataLoaderBatchesThroughGetBatch() {
        List<float[]> images = new ArrayList<>();
        List<float[]> batchLabels = new ArrayList<>();
        for (Batch b : new DataLoader(new Subset(ds, new int[] {2, 1, 0}), 2)) {
            images.add(b.input().toArray());
            batchLabels.add(b.target().toArray());
        }
        assertEquals(2, images.size());
        assertArrayEquals(expected(2, 1), images.get(0));
        assertArrayEquals(expected(0), images.get(1));
        assertArrayEquals(new float[] {9, 0}, batchLabels.get(0));
        assertArrayEquals(new float[] {7}, batchLabels.get(1));
    }

    @Test
    void badIndicesAreRejectedNamingTheDataset() {
        assertEquals(
                "FashionMNIST.getBatch: expects at least one index",
                assertThrows(IllegalArgumentException.class, () -> ds.getBatch(new int[0]))
                        .getMessage());
        assertEquals(
                "FashionMNIST: index 3 out of range for a dataset of size 3",
                assertThrows(IllegalArgumentException.class, () -> ds.getBatch(new int[] {0, 3}))
                        .getMessage());
        assertEquals(
                "FashionMNIST: index -1 out of range for a dataset of size 3",
                assertThrows(IllegalArgumentException.class, () -> ds.get(-1)).getMessage());
    }

    @Test
    void imagesStoredAsAnotherTypeAreRejectedNamingFileAndType() {
        Path images = tmp.resolve("root/train-images-idx3-ubyte");
        ByteBuffer floats = ByteBuffer.allocate(16 + 4 * N * PIXELS)
                .putInt(0x00000D03)
                .putInt(N)
                .putInt(28)
                .putInt(28);
        IdxFiles.write(images, floats.array());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new FashionMNIST(options()));
        assertEquals(
                "IdxReader: " + images + " has data type 0x0D (float) in magic number 0x00000D03; expected 0x08 "
                        + "(unsigned byte)",
                e.getMessage());
    }

    @Test
    void theSplitAndTheClassesAreKept() {
        assertEquals(N, ds.size());
        assertEquals("FashionMNIST(split=train, size=3)", ds.toString());
        assertEquals(FashionMNIST.CLASSES, ds.classes());
        assertTrue(ds.isTrain());
    }
}
