package org.grad4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Fashion-MNIST, from Debian's dataset-fashion-mnist package (never downloaded here). */
class FashionMNISTRealTest {
    @TempDir
    Path emptyCache;

    @Test
    void loadsTheDebianPackagesFiles() {
        Path dir = FashionMNIST.SYSTEM_DIR;
        if (!Files.isDirectory(dir)) {
            fail("Fashion-MNIST is not installed in " + dir + ": run `apt-get install dataset-fashion-mnist`");
        }
        DatasetOptions options = new DatasetOptions().cacheDir(emptyCache).download(false);
        FashionMNIST train = new FashionMNIST(options.train(true));
        FashionMNIST test = new FashionMNIST(options.train(false));
        assertEquals(60000, train.size());
        assertEquals(10000, test.size());
        assertArrayEquals(new int[] {60000, 1, 28, 28}, train.images().shape());
        for (FashionMNIST ds : new FashionMNIST[] {train, test}) {
            Tensor labels = ds.labels();
            assertEquals(0f, labels.min().item());
            assertEquals(9f, labels.max().item());
            assertEquals(0f, ds.images().min().item());
            assertEquals(1f, ds.images().max().item());
        }
        assertEquals(6000f, train.labels().eq(9f).sum().item(), "classes are balanced: 6000 per class");
        assertTrue(train.get(0)[0].sum().item() > 0);
    }

    @Test
    void aBatchHoldsTheFilesPixelsDividedBy255() throws java.io.IOException {
        Path file = FashionMNIST.SYSTEM_DIR.resolve("t10k-images-idx3-ubyte.gz");
        if (!Files.isRegularFile(file)) {
            fail("Fashion-MNIST is not installed in " + FashionMNIST.SYSTEM_DIR
                    + ": run `apt-get install dataset-fashion-mnist`");
        }
        FashionMNIST test = new FashionMNIST(
                new DatasetOptions().cacheDir(emptyCache).download(false).train(false));
        int[] indices = {9999, 0, 4321, 0};
        Tensor batch = test.getBatch(indices)[0];
        // as the dataset made them when it held floats: the file read as floats, divided by 255
        Tensor asFloats = IdxReader.read(file).div(255f);
        for (int k = 0; k < indices.length; k++) {
            assertArrayEquals(
                    asFloats.select(0, indices[k]).toArray(), batch.select(0, k).toArray(), "image " + indices[k]);
        }
    }
}
