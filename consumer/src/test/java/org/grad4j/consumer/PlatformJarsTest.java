package org.grad4j.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What grad4j-platform resolves by default (target/module-path.txt, written by the build): the
 * platform jars of grad4j-native, JavaCPP and OpenBLAS for this machine, and none for another.
 */
class PlatformJarsTest {
    private static final List<String> PLATFORMS = List.of("linux-x86_64", "linux-arm64", "macosx-arm64",
            "macosx-x86_64", "windows-x86_64");

    @Test
    void theBuildResolvesThePlatformJarsOfThisMachineOnly() throws Exception {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String platform = "linux-" + (arch.equals("aarch64") ? "arm64" : "x86_64");
        List<String> platformJars = Arrays.stream(
                        Files.readString(Path.of("target/module-path.txt")).trim().split(File.pathSeparator))
                .map(entry -> Path.of(entry).getFileName().toString())
                .filter(name -> PLATFORMS.stream().anyMatch(p -> name.endsWith("-" + p + ".jar")))
                .sorted()
                .collect(Collectors.toList());
        for (String artifact : List.of("grad4j-native-", "javacpp-", "openblas-")) {
            assertEquals(1, platformJars.stream().filter(name -> name.startsWith(artifact)).count(),
                    artifact + "*: " + platformJars);
        }
        assertEquals(3, platformJars.size(), platformJars.toString());
        for (String name : platformJars) {
            assertTrue(name.endsWith("-" + platform + ".jar"), name + " is not for " + platform);
        }
    }
}
