package org.grad4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphDumpTest {
    @Test
    void printsTheTracedAndOptimizedGraphsAndWritesDotFiles(@TempDir Path dir) throws Exception {
        Cli.Run run = Cli.run("graph", "--batch-size", "4", "--out", dir.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("traced: "), run.out());
        assertTrue(run.out().contains("parameter  %2     1.weight"), run.out());
        assertTrue(run.out().contains("matmul"), run.out());
        assertTrue(run.out().contains("optimized: "), run.out());
        assertTrue(run.out().contains("wrote graph.dot, graph-optimized.dot to " + dir), run.out());
        assertTrue(Files.readString(dir.resolve("graph.dot")).startsWith("digraph grad4j {"));
        assertTrue(Files.exists(dir.resolve("graph-optimized.dot")));
    }
}
