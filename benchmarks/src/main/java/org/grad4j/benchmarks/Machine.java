package org.grad4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.grad4j.backend.Backend;

/** One line saying where the figures come from: CPU, cores, JVM, backends and OpenBLAS settings. */
final class Machine {
    private Machine() {}

    static String describe() {
        return "Machine: " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores; Java "
                + Runtime.version() + "; backends "
                + Backend.available().stream()
                        .map(b -> b.name() + " (" + b.threads() + " threads)")
                        .collect(Collectors.joining(", "))
                + "; OPENBLAS_CORETYPE=" + env("OPENBLAS_CORETYPE") + ", OPENBLAS_L2_SIZE=" + env("OPENBLAS_L2_SIZE")
                + ".";
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "(unset)" : value;
    }
}
