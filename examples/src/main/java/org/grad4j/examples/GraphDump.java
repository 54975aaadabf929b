package org.grad4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.grad4j.graph.Graph;
import org.grad4j.graph.Passes;
import org.grad4j.nn.Module;
import org.grad4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Traces the {@code mlp} example's network into a graph, prints it one node per line, runs the
 * graph passes (printing each pass that changed it and the node count it left), prints the result
 * and writes both as Graphviz text ({@code dot -Tsvg graph.dot > graph.svg} draws one).
 */
@Command(name = "graph", description = "Traces the mlp network into a graph, optimizes it and writes graph.dot.")
public final class GraphDump implements Callable<Integer> {
    @Option(
            names = "--batch-size",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "the batch of the example input (default: ${DEFAULT-VALUE})")
    int batchSize = 128;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "folder for graph.dot and graph-optimized.dot (default: ${DEFAULT-VALUE})")
    Path out = Path.of("out", "graph");

    @Override
    public Integer call() throws IOException {
        Module model = Mlp.model();
        Graph traced = Graph.trace(model, Tensor.zeros(batchSize, 1, 28, 28));
        System.out.println("traced: " + traced.nodes().size() + " nodes");
        System.out.print(traced);
        Graph optimized = Passes.optimize(
                traced,
                (pass, result) ->
                        System.out.println(pass.name() + ": " + result.nodes().size() + " nodes"));
        System.out.println("optimized: " + optimized.nodes().size() + " nodes");
        System.out.print(optimized);
        Files.createDirectories(out);
        Files.writeString(out.resolve("graph.dot"), traced.toDot());
        Files.writeString(out.resolve("graph-optimized.dot"), optimized.toDot());
        WrittenFiles.print(out, "graph.dot", "graph-optimized.dot");
        return 0;
    }
}
