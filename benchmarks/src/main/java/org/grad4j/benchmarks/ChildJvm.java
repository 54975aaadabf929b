package org.grad4j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a program in a JVM of its own and returns what it printed. */
final class ChildJvm {
    private ChildJvm() {}

    /** The arguments that start {@code main} on this JVM's class path. */
    static List<String> onClassPath(Class<?> main) {
        return List.of("-cp", System.getProperty("java.class.path"), main.getName());
    }

    /**
     * Runs {@code java} with {@code arguments}; the child's standard error (its progress) goes to
     * ours. {@code unsetOpenBlasCoreType} leaves OpenBLAS to pick its kernels in the child.
     */
    static String run(List<String> arguments, boolean unsetOpenBlasCoreType) throws IOException, InterruptedException {
        return run(arguments, unsetOpenBlasCoreType, Map.of());
    }

    /** As {@link #run(List, boolean)}, with {@code environment} added to the child's. */
    static String run(List<String> arguments, boolean unsetOpenBlasCoreType, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(arguments);
        ProcessBuilder child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (unsetOpenBlasCoreType) {
            child.environment().remove("OPENBLAS_CORETYPE");
            child.environment().remove("OPENBLAS_L2_SIZE");
        }
        child.environment().putAll(environment);
        Process process = child.start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException(
                    "benchmarks: " + String.join(" ", command) + " failed with status " + status + ":\n" + output);
        }
        return output;
    }

    /** {@code first} followed by {@code rest}. */
    static List<String> concat(List<String> first, List<String> rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(rest);
        return all;
    }
}
