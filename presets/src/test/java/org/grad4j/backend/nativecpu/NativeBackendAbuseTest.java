package org.grad4j.backend.nativecpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link NativeBackendAbuseMain} in a child JVM that verifies its heap before and after every
 * GC: a JVM crash, a corrupted heap or an exception other than IllegalArgumentException fails
 * this test instead of killing the test run.
 */
class NativeBackendAbuseTest {
    @Test
    void everyBackendMethodRejectsInconsistentArgumentsWithoutCrashing() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.java());
        command.add("-XX:+UnlockDiagnosticVMOptions");
        command.add("-XX:+VerifyBeforeGC");
        command.add("-XX:+VerifyAfterGC");
        command.add("-Xmx256m");
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            command.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        }
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(NativeBackendAbuseMain.class.getName());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        System.out.println(
                out.lines().filter(l -> l.startsWith("abuse total")).findFirst().orElse(out));
        assertEquals(0, exit, out);
        assertTrue(out.contains("abuse total:") && out.contains(" 0 failures"), out);
    }
}
