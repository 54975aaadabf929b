package org.grad4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a JVM while it writes checkpoints in a loop, many times: the file at the
 * path always loads completely and is one whole version, never a mix or a torn write.
 */
class CrashSafetyTest {
    @TempDir
    Path dir;

    @Test
    void theLastCompleteCheckpointAlwaysLoads() throws Exception {
        Path file = dir.resolve("ckpt.safetensors");
        String java = ProcessHandle.current().info().command().orElse("java");
        SplittableRandom random = new SplittableRandom(3);
        for (int kill = 0; kill < 20; kill++) {
            Process child = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            CheckpointWriterMain.class.getName(),
                            file.toString())
                    .redirectErrorStream(true)
                    .start();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                int saves = 1 + random.nextInt(5);
                for (int i = 0; i < saves; i++) {
                    String line = out.readLine();
                    assertTrue(line != null && line.matches("\\d+"), "the writer said: " + line);
                }
                Thread.sleep(random.nextInt(30));
                child.destroyForcibly();
                child.waitFor();
            }
            Safetensors.Contents c = Safetensors.load(file);
            float version = Float.parseFloat(c.metadata().get("version"));
            for (float v : c.tensors().get("a").toArray()) {
                assertEquals(version, v, "every value of the loaded version, kill " + kill);
            }
            assertEquals(3, c.tensors().get("b").numel());
            for (float v : c.tensors().get("b").toArray()) {
                assertEquals(version, v, "b belongs to the same version as a, kill " + kill);
            }
        }
    }
}
