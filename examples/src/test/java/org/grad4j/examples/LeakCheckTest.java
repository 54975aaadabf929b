package org.grad4j.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The leak check on short runs: it reports its figures, passes a clean loop and catches a leaking one. */
class LeakCheckTest {
    private static String run(Runnable afterStep, boolean expectPass, String... args) {
        LeakCheck check = Cli.parse(new LeakCheck(), args);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LeakReport report = check.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), afterStep);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(report.passed() == expectPass, out);
        return out;
    }

    @Test
    void aPlainTrainingLoopPassesAndReportsEveryFigure() {
        assertTrue(ResourceSample.procAvailable(), "the leak check reads /proc/self: run this test on Linux");
        String out = run(
                () -> {},
                true,
                "--steps",
                "300",
                "--warmup",
                "200",
                "--every",
                "10",
                "--batch-size",
                "16",
                "--synthetic",
                "1024");
        long rows = out.lines()
                .filter(l -> l.matches("\\s+\\d+\\s+\\d+\\.\\d{4}\\s.*"))
                .count();
        assertTrue(rows == 11, rows + " sample rows (steps 200, 210, ..., 300)\n" + out);
        for (String figure : List.of(
                "heap after GC: ",
                "RSS: ",
                "JVM threads: ",
                "OS threads: ",
                "open file descriptors: ",
                "leakcheck: PASS")) {
            assertTrue(out.contains(figure), "no '" + figure + "' in\n" + out);
        }
    }

    @Test
    void aLoopThatKeepsMemoryEveryStepFails() {
        List<float[]> kept = new ArrayList<>();
        String out = run(
                () -> kept.add(new float[100_000]),
                false,
                "--steps",
                "60",
                "--warmup",
                "20",
                "--every",
                "10",
                "--batch-size",
                "16",
                "--synthetic",
                "256");
        assertTrue(out.contains("leakcheck: FAIL: heap after GC grew"), out);
        assertFalse(out.contains("PASS"), out);
    }
}
