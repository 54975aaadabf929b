package org.grad4j.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link ModuleMain} as a named module in a child JVM, with grad4j, its native backend and
 * their dependencies on the module path only (target/module-path.txt, written by the build).
 */
class ModulePathTest {
    @Test
    void theApplicationModuleUsesTheNativeBackendAndCannotReachGrad4jInternals() throws Exception {
        String modulePath = "target/classes" + File.pathSeparator
                + Files.readString(Path.of("target/module-path.txt")).trim();
        Path log = Files.createTempFile("module-main", ".log");
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--module-path",
                        modulePath,
                        "--add-modules",
                        "ALL-MODULE-PATH",
                        "--module",
                        "org.grad4j.consumer/org.grad4j.consumer.ModuleMain")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the module-path run did not finish");
        List<String> out = Files.readAllLines(log);
        assertEquals(0, p.exitValue(), String.join("\n", out));
        assertTrue(out.contains("product: [4.0, 5.0, 10.0, 11.0]"), String.join("\n", out));
        assertTrue(out.contains("backend: native"), String.join("\n", out));
        assertTrue(out.contains("api module: org.grad4j"), String.join("\n", out));
        assertTrue(out.contains("backend module: org.grad4j.nativecpu"), String.join("\n", out));
        assertTrue(out.contains("internal exported: false"), String.join("\n", out));
        assertTrue(out.contains("internal call: refused"), String.join("\n", out));
    }
}
