package org.grad4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run says where its data came from and where its files went, and ends on its result line. */
class RunOutputTest {
    @TempDir
    Path dir;

    @Test
    void aFolderThatDoesNotExistIsAnErrorNamingIt() {
        Cli.Run run = Cli.run("mlp", "--data", "/nonexistent");
        assertEquals(2, run.status(), run.err());
        assertEquals("mlp: Invalid value for option '--data': '/nonexistent' is not a directory", run.firstErrorLine());
        assertEquals("", run.out(), "nothing ran");
    }

    @Test
    void aFolderWithoutTheDataIsAnErrorNamingIt() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("train-images-idx3-ubyte"), "");
        Cli.Run run = Cli.run("autoencoder", "--data", empty.toString());
        assertEquals(2, run.status(), run.err());
        assertEquals(
                "autoencoder: Invalid value for option '--data': '" + empty + "' does not hold Fashion-MNIST: it lacks"
                        + " train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz"
                        + " (compressed or not)",
                run.firstErrorLine());
    }

    @Test
    void aClassifierSaysWhereItsDataCameFromAndWhereItsFilesWent() {
        Path data = FashionData.extractSubset();
        Path out = dir.resolve("mlp");
        Cli.Run run =
                Cli.run("mlp", "--data", data.toString(), "--limit", "256", "--epochs", "1", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.contains("data: Fashion-MNIST from " + data), run.out());
        assertEquals("wrote metrics.csv, loss.png, accuracy.png to " + out + "/", lines.get(lines.size() - 2));
        assertTrue(lines.get(lines.size() - 1).matches("test accuracy: 0\\.\\d{4}"), run.out());
        for (String file : List.of("metrics.csv", "loss.png", "accuracy.png")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
    }

    @Test
    void regressionSaysWhichPictureItLearnedAndWhereItsFilesWent() {
        Path out = dir.resolve("regression");
        Cli.Run run = Cli.run("regression", "--size", "8", "--epochs", "1", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("data: a picture drawn with Java2D, 8 x 8", lines.get(0));
        assertEquals(
                "wrote metrics.csv, loss.png, original.png, learned.png to " + out + "/", lines.get(lines.size() - 2));
        assertTrue(lines.get(lines.size() - 1).startsWith("final loss: "), run.out());
    }
}
