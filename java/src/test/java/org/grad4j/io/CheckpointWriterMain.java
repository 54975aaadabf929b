package org.grad4j.io;

import java.nio.file.Path;
import java.util.Map;
import org.grad4j.tensor.Tensor;

/**
 * Run as a separate JVM by {@link CrashSafetyTest}: saves checkpoints to one path in a loop
 * forever, version v holding tensors filled with v and metadata "version" = v, until killed.
 */
public final class CheckpointWriterMain {
    private CheckpointWriterMain() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        for (int version = 0; ; version++) {
            Safetensors.save(
                    file,
                    Map.of("a", Tensor.full(version, 256, 1024), "b", Tensor.full(version, 3)),
                    Map.of("version", Integer.toString(version)));
            System.out.println(version);
        }
    }
}
