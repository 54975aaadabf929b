package org.grad4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.grad4j.data.DatasetOptions;
import org.grad4j.data.FashionMNIST;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classifier examples in tiny configurations on the embedded subset, and the fallback to it. */
class ClassifierTest {
    @TempDir
    Path dir;

    /** A classifier on the identity shape, with the mlp command's options parsed from {@code args}. */
    private static Classifier classifier(String name, String... args) {
        Mlp command = Cli.parse(new Mlp(), args);
        return new Classifier(name, command.training, command.compile, command.fashion, x -> x);
    }

    private static FashionData.Split subset() {
        return FashionData.load(FashionData.extractSubset());
    }

    @Test
    void fallsBackToTheEmbeddedSubsetWhenTheDataIsNowhere() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        FashionData.Places nowhere = new FashionData.Places(empty, empty, "http://127.0.0.1:9/");
        FashionData.Split split = FashionData.load(null, nowhere, true);
        assertTrue(split.subset());
        int[] some = {0, 7, 3999};
        assertArrayEquals(
                FashionData.standardize(subset().train().getBatch(some)[0]).toArray(),
                split.train().getBatch(some)[0].toArray(),
                "the fallback keeps the standardized pixels asked for");
        assertTrue(split.source().startsWith("the Fashion-MNIST subset embedded in this jar"), split.source());
        assertTrue(
                split.train().size() == 4000 && split.test().size() == 1000,
                split.train().size() + " / " + split.test().size());
    }

    @Test
    void mlpLearnsFromAFewThousandImages() {
        Classifier mlp = classifier("mlp", "--epochs", "2", "--batch-size", "64", "--out", dir.toString());
        Generator.manualSeed(0);
        double accuracy = mlp.train(Mlp.model(), subset());
        assertTrue(accuracy > 0.6, "test accuracy " + accuracy);
        assertTrue(Files.exists(dir.resolve("metrics.csv")) && Files.exists(dir.resolve("accuracy.png")));
    }

    @Test
    void compiledMlpLearnsAsTheEagerOneDoes() {
        String[] args = {"--epochs", "1", "--limit", "2000", "--batch-size", "64", "--out", dir.toString()};
        Generator.manualSeed(0);
        double eager = classifier("mlp", args).train(Mlp.model(), subset());
        String[] compiled = java.util.Arrays.copyOf(args, args.length + 1);
        compiled[args.length] = "--compile";
        Generator.manualSeed(0);
        double graph = classifier("mlp", compiled).train(Mlp.model(), subset());
        assertEquals(eager, graph, 0.01, "test accuracy, eager " + eager + " vs compiled " + graph);
    }

    @Test
    void cnnLearnsFromAThousandImages() {
        Classifier cnn =
                classifier("cnn", "--epochs", "1", "--limit", "1000", "--batch-size", "32", "--out", dir.toString());
        Generator.manualSeed(0);
        double accuracy = cnn.train(Cnn.model(), subset());
        assertTrue(accuracy > 0.45, "test accuracy " + accuracy);
    }

    @Test
    void standardizeGivesTheValuesOfSubThenDivInANewTensor() {
        Tensor images = subset().test().getBatch(new int[] {0, 7, 999})[0];
        float[] before = images.toArray();
        Tensor expected = images.sub(FashionData.PIXEL_MEAN).div(FashionData.PIXEL_STD);
        Tensor standardized = FashionData.standardize(images);
        assertArrayEquals(expected.toArray(), standardized.toArray(), "bit for bit");
        assertArrayEquals(before, images.toArray(), "the input is not modified");
        standardized.fill_(0f);
        assertArrayEquals(before, images.toArray(), "the result shares no memory with the input");

        Tensor leaf = Tensor.of(before, images.shape()).requiresGrad(true);
        FashionData.standardize(leaf).sum().backward();
        float[] grad = leaf.grad().toArray();
        for (float g : grad) {
            assertEquals(1f / FashionData.PIXEL_STD, g, 1e-6f);
        }
    }

    @Test
    void loadStandardizedGivesTheValuesOfStandardize() {
        Path files = FashionData.extractSubset();
        FashionData.Split raw = FashionData.load(files);
        FashionData.Split standardized = FashionData.loadStandardized(files);
        int[] some = {0, 7, 999};
        assertArrayEquals(
                FashionData.standardize(raw.test().getBatch(some)[0]).toArray(),
                standardized.test().getBatch(some)[0].toArray(),
                "bit for bit");
        assertArrayEquals(
                FashionData.standardize(raw.train().getBatch(some)[0]).toArray(),
                standardized.train().getBatch(some)[0].toArray(),
                "bit for bit");
    }

    @Test
    void theSubsetIsRealFashionMnist() {
        FashionData.Split split = subset();
        assertFalse(split.subset(), "loaded from a given directory, so not the fallback");
        assertTrue(split.source().startsWith("Fashion-MNIST from "), split.source());
        assertTrue(split.train().size() == 4000 && split.test().size() == 1000);
        assertTrue(
                Files.isDirectory(FashionMNIST.SYSTEM_DIR),
                "Fashion-MNIST is not installed in " + FashionMNIST.SYSTEM_DIR
                        + ": run `apt-get install dataset-fashion-mnist`");
        // NOTICE.txt: the first 4,000 training and 1,000 test images of Fashion-MNIST
        for (FashionMNIST part : new FashionMNIST[] {split.train(), split.test()}) {
            FashionMNIST full = new FashionMNIST(new DatasetOptions()
                    .root(FashionMNIST.SYSTEM_DIR)
                    .download(false)
                    .train(part.isTrain()));
            int[] first = java.util.stream.IntStream.range(0, part.size()).toArray();
            Tensor[] expected = full.getBatch(first);
            Tensor[] got = part.getBatch(first);
            String which = part.isTrain() ? "train" : "test";
            assertArrayEquals(expected[0].toArray(), got[0].toArray(), which + " images");
            assertArrayEquals(expected[1].toArray(), got[1].toArray(), which + " labels");
        }
    }
}
