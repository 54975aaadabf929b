package org.grad4j.spark.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SparkExamplesTest {
    /** Runs a command in this JVM and returns what it printed. */
    private static String run(Object command, String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            assertEquals(0, new CommandLine(command).execute(args));
        } finally {
            System.setOut(saved);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sparkMlpTrainsAndPrintsTheTestAccuracyLast(@TempDir Path out) throws Exception {
        String printed = run(new SparkMlp(), "--limit", "3000", "--epochs", "2", "--out", out.toString());
        List<String> lines = printed.lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("test accuracy: "), printed);
        assertTrue(Double.parseDouble(last.substring("test accuracy: ".length())) > 0.7, printed);
        assertTrue(printed.contains("epoch 2/2: loss "), printed);
        assertTrue(printed.contains("in 2 partitions"), printed);
        assertTrue(Files.readString(out.resolve("metrics.csv")).startsWith("epoch,loss,seconds"), printed);
    }

    @Test
    void sparkOverheadPrintsItsThreeParts() {
        String printed = run(new SparkOverhead(), "--steps", "3", "--parameters", "1000");
        for (String part : List.of("job: ", "broadcast: ", "gradients: ")) {
            assertTrue(printed.lines().anyMatch(l -> l.startsWith(part) && l.endsWith(" ms")), printed);
        }
    }
}
