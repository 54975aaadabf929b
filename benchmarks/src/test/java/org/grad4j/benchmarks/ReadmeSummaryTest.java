package org.grad4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeSummaryTest {
    private static final String GEMM = """
            | n | GFLOPS |
            |---|---|
            | 512 | 100 |
            | 1024 | 150 |
            """;
    private static final String TRAIN = """
            | model | ms |
            |---|---|
            | mlp | 2.0 |
            | cnn | 20 |
            """;

    private static ReportDocument report() {
        ReportDocument doc = new ReportDocument("Machine: test CPU.", "Run as a test.");
        doc.add("gemm", "GEMM (GFLOPS)", GEMM);
        doc.add(
                "conv",
                "Conv2d (ms)",
                "| layer | ms |\n|---|---|\n| 64x1-32@28 | 0.3 |\n| 64x32-64@14 | 2 |\n| FMA chains (`FmaPeak`) | – |\n");
        doc.add("elementwise", "Element-wise ops (µs)", "| op | µs |\n|---|---|\n| add | 1 |\n");
        doc.add("train", "Training steps (ms)", TRAIN);
        return doc;
    }

    @Test
    void quotesTheChosenRowsUnderTheirHeadersAndTheMachineLine() {
        String summary = ReadmeSummary.render(report());
        assertEquals("""
                Machine: test CPU.

                GEMM (GFLOPS):

                | n | GFLOPS |
                |---|---|
                | 1024 | 150 |

                Conv2d (ms):

                | layer | ms |
                |---|---|
                | 64x32-64@14 | 2 |
                | FMA chains (`FmaPeak`) | – |

                Training steps (ms):

                | model | ms |
                |---|---|
                | mlp | 2.0 |
                | cnn | 20 |
                """, summary);
    }

    @Test
    void replacesOnlyWhatStandsBetweenTheMarkers(@TempDir Path dir) throws IOException {
        Path readme = dir.resolve("README.md");
        Files.writeString(
                readme, "before\n" + ReadmeSummary.BEGIN + "\nold figures\n" + ReadmeSummary.END + "\nafter\n");
        ReadmeSummary.update(readme, report());
        String text = Files.readString(readme);
        assertTrue(text.startsWith("before\n" + ReadmeSummary.BEGIN + "\nMachine: test CPU.\n"), text);
        assertTrue(text.endsWith("| cnn | 20 |\n" + ReadmeSummary.END + "\nafter\n"), text);
        assertTrue(!text.contains("old figures"), text);
    }

    @Test
    void refusesAReadmeWithoutMarkers(@TempDir Path dir) throws IOException {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "no summary here\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReadmeSummary.check(readme));
        assertTrue(e.getMessage().contains(ReadmeSummary.BEGIN), e.getMessage());
    }

    @Test
    void documentHasMachineRunProseAndEveryTableUnderItsTitle() {
        String doc = report().render();
        assertTrue(doc.startsWith("# Benchmarks\n"), doc);
        assertTrue(doc.contains("\nMachine: test CPU.\n\nRun as a test.\n"), doc);
        assertTrue(doc.contains("## GEMM (GFLOPS)\n\n" + GEMM), doc);
        assertTrue(doc.contains("## Training steps (ms)\n\n"), doc);
        assertTrue(doc.endsWith(TRAIN), doc);
    }
}
