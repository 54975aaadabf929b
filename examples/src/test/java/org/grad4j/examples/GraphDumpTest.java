package org.grad4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphDumpTest {
    @Test
    void printsTheForwardAndGradientGraphsBeforeAndAfterThePassesAndWritesDotFiles(@TempDir Path dir) throws Exception {
        Cli.Run run = Cli.run("graph", "--batch-size", "4", "--out", dir.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("forward, traced: 19 nodes"), run.out());
        assertTrue(run.out().contains("parameter  %2     1.weight"), run.out());
        assertTrue(run.out().contains("forward and backward, traced: "), run.out());
        assertTrue(run.out().contains("reluBackward"), run.out());
        assertTrue(run.out().contains("forward and backward, after the passes: "), run.out());
        assertTrue(run.out().contains("memory plan of the gradient graph: an arena of "), run.out());
        assertTrue(run.out().contains("wrote graph.dot, graph-backward.dot to " + dir), run.out());
        assertTrue(Files.readString(dir.resolve("graph.dot")).startsWith("digraph grad4j {"));
        assertTrue(Files.readString(dir.resolve("graph-backward.dot")).contains("reluBackward"));
    }
}
