package org.grad4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/** Named pipes (FIFOs) for tests of readers: opening one to read blocks until a writer comes. */
public final class NamedPipes {
    private NamedPipes() {}

    /** Makes a named pipe at {@code path} with mkfifo; the test fails where mkfifo cannot run. */
    public static Path create(Path path) throws InterruptedException {
        int exit;
        try {
            exit = new ProcessBuilder("mkfifo", path.toString())
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException e) {
            exit = -1;
        }
        assertEquals(
                0, exit, "mkfifo could not make " + path + " (it comes with coreutils: apt-get install coreutils)");
        return path;
    }

    /**
     * Asserts that {@code read} throws {@code type} within 10 s instead of waiting for a writer on
     * {@code pipe}; a reader still blocked after that is released by opening the pipe to write.
     */
    public static <T extends Throwable> T assertRefused(Class<T> type, Path pipe, Executable read) {
        try {
            return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(type, read));
        } catch (AssertionFailedError e) {
            Thread writer = new Thread(() -> {
                try (FileOutputStream out = new FileOutputStream(pipe.toFile())) {
                    out.flush();
                } catch (IOException ignored) {
                    // the reader is gone already
                }
            });
            writer.setDaemon(true);
            writer.start();
            throw e;
        }
    }
}
