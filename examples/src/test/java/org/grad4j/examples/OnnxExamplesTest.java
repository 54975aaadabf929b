package org.grad4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxExamplesTest {
    @Test
    void exportsTheTrainedMlpReloadsItIdenticallyAndRunsTheFile(@TempDir Path dir) {
        Cli.Run run = Cli.run("onnx", "--limit", "512", "--out", dir.toString());
        assertEquals(0, run.status(), run.err());
        Path file = dir.resolve("mlp.onnx");
        assertTrue(Files.isRegularFile(file), run.out());
        assertTrue(
                run.out().contains("largest difference between the model and the file reloaded, over 1000 images: 0.0"),
                run.out());

        Cli.Run onnxRun = Cli.run("onnx-run", "--model", file.toString(), "--runs", "2");
        assertEquals(0, onnxRun.status(), onnxRun.err());
        assertTrue(onnxRun.out().contains("input input: FLOAT [1, 1, 28, 28]"), onnxRun.out());
        assertTrue(onnxRun.out().contains("output output: [1, 10]"), onnxRun.out());
        assertTrue(onnxRun.out().contains("ms per run (mean of 2 runs)"), onnxRun.out());
    }

    @Test
    void fineTunesAnImportedClassifierItWroteItself(@TempDir Path dir) {
        Cli.Run run = Cli.run("onnx-finetune", "--limit", "2048", "--out", dir.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(Files.isRegularFile(dir.resolve("classifier.onnx")), run.out());
        assertTrue(run.out().contains("fine-tuning OnnxModel(opset 17"), run.out());
        String last = run.out().strip().substring(run.out().strip().lastIndexOf('\n') + 1);
        double accuracy = Double.parseDouble(last.replace("test accuracy: ", ""));
        assertTrue(accuracy > 0.6, "an epoch on 2,048 images: " + last);
    }

    @Test
    void onnxRunNamesAFileItCannotRead(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.onnx");
        Files.write(junk, new byte[] {1, 2, 3});
        Cli.Run run = Cli.run("onnx-run", "--model", junk.toString());
        assertTrue(run.status() != 0);
        assertTrue(run.err().contains("not a readable ONNX model"), run.err());
    }
}
