package org.grad4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/** Optimizers see tensors, not modules: jdeps finds no use of org.grad4j.nn in the optim packages. */
class OptimizerDependenciesTest {
    @Test
    void theOptimPackagesUseNothingOfNn() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "target/classes");
        assertEquals(0, status, out.toString());
        List<String> edges = out.toString()
                .lines()
                .map(String::trim)
                .filter(l -> l.startsWith("org.grad4j.optim"))
                .toList();
        assertTrue(edges.stream().anyMatch(l -> l.contains("-> org.grad4j.tensor")), out.toString());
        assertTrue(edges.stream().noneMatch(l -> l.matches(".*-> org\\.grad4j\\.nn\\b.*")), String.join("\n", edges));
    }
}
