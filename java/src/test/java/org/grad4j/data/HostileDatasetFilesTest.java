package org.grad4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.grad4j.io.NamedPipes;
import org.grad4j.io.ThreadAllocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MNIST-format datasets refuse files that are not regular, and shapes that do not fit, before reading data. */
class HostileDatasetFilesTest {
    @TempDir
    Path tmp;

    private DatasetOptions options() {
        return new DatasetOptions()
                .root(tmp.resolve("root"))
                .cacheDir(tmp.resolve("cache"))
                .systemDir(tmp.resolve("system"))
                .download(false)
                .progress(null);
    }

    @Test
    void aNamedPipeInPlaceOfAFileIsRefusedByName() throws Exception {
        IdxFiles.write(tmp.resolve("root/train-labels-idx1-ubyte"), IdxFiles.labels(3, 0));
        Path pipe = NamedPipes.create(tmp.resolve("root/train-images-idx3-ubyte"));
        String m = NamedPipes.assertRefused(UncheckedIOException.class, pipe, () -> new FashionMNIST(options()))
                .getMessage();
        assertEquals("FashionMNIST: " + pipe + " is a named pipe, device or socket, not a regular file", m);
    }

    @Test
    void moreLabelsThanImagesAreRefusedFromTheLabelsHeader() {
        IdxFiles.write(tmp.resolve("root/train-images-idx3-ubyte"), IdxFiles.images(3));
        // a 0.9 GiB claim in a gzip file of 1 MB: refused before any label is read
        byte[] claim = IdxFiles.header(0x801, 966_367_641);
        byte[] content = java.util.Arrays.copyOf(claim, claim.length + (1 << 20));
        new java.util.SplittableRandom(5).nextBytes(content);
        System.arraycopy(claim, 0, content, 0, claim.length);
        Path labels = IdxFiles.write(tmp.resolve("root/train-labels-idx1-ubyte.gz"), IdxFiles.gzip(content));
        long before = ThreadAllocation.bytes();
        String m = assertThrows(UncheckedIOException.class, () -> new MNIST(options()))
                .getMessage();
        long allocated = ThreadAllocation.bytes() - before;
        assertEquals("MNIST: " + labels + " holds data of shape [966367641], expected one label per image: [3]", m);
        assertTrue(allocated < 8 << 20, allocated + " bytes allocated to refuse the labels");
    }

    @Test
    void imagesOfAnotherShapeAreRefusedFromTheHeader() {
        Path images = IdxFiles.write(tmp.resolve("root/train-images-idx3-ubyte"), IdxFiles.ubyte(new byte[6], 6));
        IdxFiles.write(tmp.resolve("root/train-labels-idx1-ubyte"), IdxFiles.labels(6, 0));
        String m = assertThrows(UncheckedIOException.class, () -> new MNIST(options()))
                .getMessage();
        assertEquals("MNIST: " + images + " holds data of shape [6], expected images [N, 28, 28]", m);
    }
}
