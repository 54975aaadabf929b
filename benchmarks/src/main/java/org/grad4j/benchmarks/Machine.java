package org.grad4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.grad4j.backend.Backend;
import org.grad4j.backend.nativecpu.NativeBackend;

/** Where the figures come from: CPU and its widest vector ISA, cores, JVM, date, backends and OpenBLAS settings. */
final class Machine {
    private Machine() {}

    static String describe() {
        return "Machine: " + cpu() + " (" + vectorIsa() + "), "
                + Runtime.getRuntime().availableProcessors()
                + " cores; " + System.getProperty("java.vm.name") + " " + Runtime.version() + "; "
                + LocalDate.now(ZoneOffset.UTC) + "; backends "
                + Backend.available().stream().map(Machine::backend).collect(Collectors.joining(", "))
                + "; OPENBLAS_CORETYPE=" + env("OPENBLAS_CORETYPE") + ", OPENBLAS_L2_SIZE=" + env("OPENBLAS_L2_SIZE")
                + ".";
    }

    private static String backend(Backend b) {
        String kernels = b instanceof NativeBackend n ? ", " + n.isa() + " kernels" : "";
        return b.name() + " (" + b.threads() + " threads" + kernels + ")";
    }

    private static String cpu() {
        return cpuinfo("model name").orElse(System.getProperty("os.arch"));
    }

    /** The widest x86 vector extension the CPU reports, or the architecture elsewhere. */
    private static String vectorIsa() {
        List<String> flags = cpuinfo("flags").map(f -> List.of(f.split(" "))).orElse(List.of());
        return flags.contains("avx512f") ? "AVX-512" : flags.contains("avx2") ? "AVX2" : System.getProperty("os.arch");
    }

    private static Optional<String> cpuinfo(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith(field))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "(unset)" : value;
    }
}
