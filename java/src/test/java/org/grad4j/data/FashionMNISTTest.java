package org.grad4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FashionMNIST and MNIST on small generated files: lookup order, download, verification. */
class FashionMNISTTest {
    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    private static final String TRAIN_LABELS = "train-labels-idx1-ubyte";

    @TempDir
    Path tmp;

    /** The four gzip files of a small dataset: train has {@code n} samples, test 2. */
    private static Map<String, byte[]> gzFiles(int n) {
        return Map.of(
                TRAIN_IMAGES + ".gz",
                IdxFiles.gzip(IdxFiles.images(n)),
                TRAIN_LABELS + ".gz",
                IdxFiles.gzip(IdxFiles.labels(n, 3)),
                "t10k-images-idx3-ubyte.gz",
                IdxFiles.gzip(IdxFiles.images(2)),
                "t10k-labels-idx1-ubyte.gz",
                IdxFiles.gzip(IdxFiles.labels(2, 0)));
    }

    private static Map<String, String> hashes(Map<String, byte[]> files) {
        return Map.copyOf(files.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> DownloadTest.sha256(e.getValue()))));
    }

    private static FileServer serve(Map<String, byte[]> files) {
        FileServer server = new FileServer();
        files.forEach((name, bytes) -> server.serve("/" + name, bytes));
        return server;
    }

    private DatasetOptions isolated() {
        return new DatasetOptions()
                .cacheDir(tmp.resolve("cache"))
                .systemDir(tmp.resolve("system"))
                .progress(null);
    }

    private List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDownloadLandsInTheCacheAndLoads() throws IOException {
        Map<String, byte[]> files = gzFiles(5);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        FashionMNIST train;
        try (FileServer server = serve(files)) {
            train = new FashionMNIST(isolated()
                    .mirror(server.url())
                    .sha256(hashes(files))
                    .progress(new PrintStream(progress, true, StandardCharsets.UTF_8)));
            assertEquals(2, server.requests.get());
        }
        assertEquals(List.of(TRAIN_IMAGES + ".gz", TRAIN_LABELS + ".gz"), list(tmp.resolve("cache")));
        int size = files.get(TRAIN_IMAGES + ".gz").length;
        assertTrue(
                progress.toString(StandardCharsets.UTF_8)
                        .contains("train-images-idx3-ubyte.gz: " + size + " B / " + size + " B (100%), done"),
                progress.toString(StandardCharsets.UTF_8));

        assertEquals(5, train.size());
        assertTrue(train.isTrain());
        assertArrayEquals(new int[] {5, 1, 28, 28}, train.images().shape());
        assertArrayEquals(new float[] {3, 4, 5, 6, 7}, train.labels().toArray());
        Tensor[] sample = train.get(2);
        assertArrayEquals(new int[] {1, 28, 28}, sample[0].shape());
        assertEquals((20 + 3) / 255f, sample[0].get(0, 0, 3));
        assertEquals(5f, sample[1].item());
        assertEquals("Sandal", train.classes().get(5));

        // the server is gone: the cache serves the files now
        FashionMNIST again = new FashionMNIST(isolated().mirror("http://127.0.0.1:9/"));
        assertArrayEquals(train.images().toArray(), again.images().toArray());
    }

    @Test
    void aCorruptDownloadIsRejectedAndNotCached() throws IOException {
        Map<String, byte[]> files = gzFiles(5);
        Map<String, String> expected = hashes(files);
        byte[] corrupt = files.get(TRAIN_IMAGES + ".gz").clone();
        corrupt[corrupt.length / 2] ^= 1;
        try (FileServer server = new FileServer().serve("/" + TRAIN_IMAGES + ".gz", corrupt)) {
            UncheckedIOException e = assertThrows(
                    UncheckedIOException.class,
                    () -> new FashionMNIST(isolated().mirror(server.url()).sha256(expected)));
            assertTrue(
                    e.getMessage()
                            .contains("train-images-idx3-ubyte.gz is corrupt: its SHA-256 is "
                                    + DownloadTest.sha256(corrupt) + ", expected " + expected.get(TRAIN_IMAGES + ".gz")
                                    + "; nothing was saved"),
                    e.getMessage());
        }
        assertEquals(List.of(), list(tmp.resolve("cache")), "neither the file nor a partial file is kept");
    }

    @Test
    void theGivenRootWinsOverTheCacheWhichWinsOverTheSystemDir() {
        Path root = tmp.resolve("root");
        Path cache = tmp.resolve("cache");
        Path system = tmp.resolve("system");
        IdxFiles.write(root.resolve(TRAIN_IMAGES + ".gz"), IdxFiles.gzip(IdxFiles.images(3)));
        IdxFiles.write(root.resolve(TRAIN_LABELS + ".gz"), IdxFiles.gzip(IdxFiles.labels(3, 0)));
        IdxFiles.write(cache.resolve(TRAIN_IMAGES + ".gz"), IdxFiles.gzip(IdxFiles.images(4)));
        IdxFiles.write(cache.resolve(TRAIN_LABELS + ".gz"), IdxFiles.gzip(IdxFiles.labels(4, 0)));
        // uncompressed names are found too
        IdxFiles.write(system.resolve(TRAIN_IMAGES), IdxFiles.images(2));
        IdxFiles.write(system.resolve(TRAIN_LABELS), IdxFiles.labels(2, 0));
        DatasetOptions options = isolated().download(false);
        assertEquals(3, new FashionMNIST(options.root(root)).size());
        assertEquals(4, new FashionMNIST(options.root(null)).size());
        assertEquals(2, new FashionMNIST(options.cacheDir(tmp.resolve("empty"))).size());
    }

    @Test
    void aMissingDatasetNamesThePlacesSearchedAndTheUrl() {
        FileServer stopped = new FileServer();
        String url = stopped.url();
        stopped.close();
        Path root = tmp.resolve("root");
        UncheckedIOException e = assertThrows(
                UncheckedIOException.class,
                () -> new FashionMNIST(isolated().root(root).mirror(url)));
        String m = e.getMessage();
        assertTrue(
                m.startsWith("FashionMNIST: train-images-idx3-ubyte[.gz] was not found in the given root " + root
                        + ", the cache " + tmp.resolve("cache") + ", the system directory " + tmp.resolve("system")
                        + ", and downloading " + url + "train-images-idx3-ubyte.gz failed: Download: cannot get "),
                m);
        assertTrue(m.endsWith(" (on Debian or Ubuntu: apt-get install dataset-fashion-mnist)"), m);

        e = assertThrows(
                UncheckedIOException.class, () -> new FashionMNIST(isolated().download(false)));
        assertTrue(
                e.getMessage()
                        .contains("; downloading is off (download(true) would fetch " + FashionMNIST.DEFAULT_MIRROR
                                + "train-images-idx3-ubyte.gz)"),
                e.getMessage());
        assertFalse(Files.exists(tmp.resolve("cache").resolve(TRAIN_IMAGES + ".gz")));
    }

    @Test
    void filesThatAreNotMnistAreRejected() {
        Path root = tmp.resolve("root");
        IdxFiles.write(root.resolve(TRAIN_IMAGES), IdxFiles.ubyte(new byte[8], 2, 2, 2));
        IdxFiles.write(root.resolve(TRAIN_LABELS), IdxFiles.labels(2, 0));
        UncheckedIOException e = assertThrows(
                UncheckedIOException.class,
                () -> new FashionMNIST(isolated().root(root).download(false)));
        assertEquals(
                "FashionMNIST: " + root.resolve(TRAIN_IMAGES) + " holds data of shape [2, 2, 2], expected "
                        + "images [N, 28, 28]",
                e.getMessage());
        IdxFiles.write(root.resolve(TRAIN_IMAGES), IdxFiles.images(2));
        IdxFiles.write(root.resolve(TRAIN_LABELS), IdxFiles.ubyte(new byte[] {1, 12}, 2));
        e = assertThrows(
                UncheckedIOException.class,
                () -> new FashionMNIST(isolated().root(root).download(false)));
        assertEquals(
                "FashionMNIST: " + root.resolve(TRAIN_LABELS) + " has label 12.0 at position 1, expected a class "
                        + "index in [0, 10)",
                e.getMessage());
    }

    @Test
    void mnistLoadsTheTestSplitFromItsMirror() {
        Map<String, byte[]> files = gzFiles(4);
        try (FileServer server = serve(files)) {
            MNIST test = new MNIST(isolated().train(false).mirror(server.url()).sha256(hashes(files)));
            assertEquals(2, test.size());
            assertFalse(test.isTrain());
            assertEquals("MNIST(split=test, size=2)", test.toString());
            assertArrayEquals(new float[] {0, 1}, test.labels().toArray());
        }
    }

    @Test
    void thePropertiesSetTheCacheRootAndTheMirrorRoot() {
        DatasetOptions o = new DatasetOptions();
        try {
            System.setProperty(DatasetOptions.CACHE_PROPERTY, tmp.toString());
            System.setProperty(DatasetOptions.MIRROR_PROPERTY, "http://127.0.0.1:8/data");
            assertEquals(tmp.resolve("mnist"), o.cacheDirFor("mnist"));
            assertEquals("http://127.0.0.1:8/data/mnist/", o.mirrorFor("mnist", MNIST.DEFAULT_MIRROR));
            assertEquals(
                    "http://h/x/",
                    o.mirror("http://h/x").mirrorFor("mnist", MNIST.DEFAULT_MIRROR),
                    "an explicit mirror wins");
        } finally {
            System.clearProperty(DatasetOptions.CACHE_PROPERTY);
            System.clearProperty(DatasetOptions.MIRROR_PROPERTY);
        }
        assertEquals(
                Path.of(System.getProperty("user.home"), ".grad4j", "datasets", "mnist"),
                new DatasetOptions().cacheDirFor("mnist"));
        assertEquals(MNIST.DEFAULT_MIRROR, new DatasetOptions().mirrorFor("mnist", MNIST.DEFAULT_MIRROR));
        assertEquals(
                Arrays.asList(FashionMNIST.SHA256.keySet().stream().sorted().toArray()),
                List.of(
                        "t10k-images-idx3-ubyte.gz",
                        "t10k-labels-idx1-ubyte.gz",
                        "train-images-idx3-ubyte.gz",
                        "train-labels-idx1-ubyte.gz"));
    }
}
