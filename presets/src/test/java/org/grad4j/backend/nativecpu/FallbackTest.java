package org.grad4j.backend.nativecpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user without the platform jar sees, in a child JVM whose class path lacks it: the Java
 * backend runs and one log line names the jar to add; asking for native by name is an error.
 */
class FallbackTest {
    private static final String PLATFORM = NativeLibrary.platform();

    private static String classPathWithout(Predicate<String> drop) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(cp.split(File.pathSeparator))
                .filter(drop.negate())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean platformLibraries(String entry) {
        return entry.endsWith(File.separator + "native") || entry.endsWith("-" + PLATFORM + ".jar");
    }

    private static String run(String classPath, String... properties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.java());
        command.add("-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("java.io.tmpdir") + File.separator
                + "grad4j-fallback-test-cache");
        command.addAll(Arrays.asList(properties));
        command.add("-cp");
        command.add(classPath);
        command.add(FallbackMain.class.getName());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void withoutThePlatformJarTheJavaBackendRunsAndTheLogNamesTheJar() throws Exception {
        String out = run(classPathWithout(FallbackTest::platformLibraries));
        assertTrue(out.contains("backend=java"), out);
        assertTrue(out.contains("org.grad4j:grad4j-native:<version>:" + PLATFORM), out);
        assertTrue(out.contains("grad4j-platform"), out);
    }

    @Test
    void withoutJavaCppTheJavaBackendRuns() throws Exception {
        String out =
                run(classPathWithout(e -> platformLibraries(e) || e.contains("javacpp") || e.contains("openblas")));
        assertTrue(out.contains("backend=java"), out);
        assertTrue(out.contains("'native' is not available"), out);
    }

    @Test
    void librariesBuiltForAnotherMachineUnderThisPlatformsNameFallBackToJava(@TempDir Path dir) throws Exception {
        Path libraries = Files.createDirectories(dir.resolve("org/grad4j/jni/" + PLATFORM));
        // The start of an ELF shared object for the other 64-bit machine: AArch64 here, x86-64 on AArch64.
        int machine = System.getProperty("os.arch").equals("aarch64") ? 0x3E : 0xB7;
        ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1}).position(16);
        header.putShort((short) 3).putShort((short) machine).putInt(1);
        for (String name : new String[] {"libg4kernels.so", "libjnig4.so"}) {
            Files.write(libraries.resolve(name), header.array());
        }
        String out = run(classPathWithout(FallbackTest::platformLibraries) + File.pathSeparator + dir);
        assertTrue(out.contains("backend=java"), out);
        assertTrue(out.contains("org.grad4j:grad4j-native:<version>:" + PLATFORM), out);
    }

    @Test
    void askingForNativeWhereItCannotLoadIsAnError() throws Exception {
        String out = run(classPathWithout(FallbackTest::platformLibraries), "-Dgrad4j.backend=native");
        assertTrue(out.contains("error=grad4j backend 'native' was requested"), out);
        assertTrue(out.contains("cannot load"), out);
    }

    @Test
    void askingForNativeWhereItLoadsRunsIt() throws Exception {
        String out = run(classPathWithout(e -> false), "-Dgrad4j.backend=native");
        assertTrue(out.contains("backend=native"), out);
    }
}
