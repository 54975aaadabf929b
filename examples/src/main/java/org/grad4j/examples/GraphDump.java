package org.grad4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.grad4j.graph.Autodiff;
import org.grad4j.graph.Graph;
import org.grad4j.graph.MemoryPlan;
import org.grad4j.graph.Passes;
import org.grad4j.nn.Module;
import org.grad4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Traces the {@code mlp} example's network into a graph and builds its gradient graph; prints
 * each one node per line, runs the graph passes on it (printing each pass that changed it and the
 * node count it left), fuses the gradient graph and prints it and its memory plan, and writes the
 * forward and the unfused gradient graph as Graphviz text ({@code dot -Tsvg graph.dot > graph.svg}).
 */
@Command(
        name = "graph",
        description = "Traces the mlp network and its gradients into graphs, optimizes them and writes dot files.")
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
            description = "folder for graph.dot and graph-backward.dot (default: ${DEFAULT-VALUE})")
    Path out = Path.of("out", "graph");

    @Override
    public Integer call() throws IOException {
        Module model = Mlp.model();
        Graph forward = show("forward", Graph.trace(model, Tensor.zeros(batchSize, 1, 28, 28)));
        Graph joint = show("forward and backward", Autodiff.gradients(forward, forward.parameterNames()));
        Graph fused = Passes.fuse(
                joint,
                (pass, result) -> System.out.println(
                        "  " + pass.name() + ": " + result.nodes().size() + " nodes"));
        System.out.println("forward and backward, fused: " + fused.nodes().size() + " nodes");
        System.out.print(fused);
        MemoryPlan plan = MemoryPlan.of(fused);
        System.out.printf(
                Locale.ROOT,
                "memory plan of the gradient graph: an arena of %.1f MB (the live peak %.1f MB; a buffer per result"
                        + " would take %.1f MB)%n",
                plan.arenaBytes() / 1e6,
                plan.peakLiveBytes() / 1e6,
                plan.totalBytes() / 1e6);
        Files.createDirectories(out);
        Files.writeString(out.resolve("graph.dot"), forward.toDot());
        Files.writeString(out.resolve("graph-backward.dot"), joint.toDot());
        WrittenFiles.print(out, "graph.dot", "graph-backward.dot");
        return 0;
    }

    /** Prints a graph, runs the passes on it (printing each that changed it), prints and returns the result. */
    private static Graph show(String what, Graph graph) {
        System.out.println(what + ", traced: " + graph.nodes().size() + " nodes");
        System.out.print(graph);
        Graph optimized = Passes.optimize(
                graph,
                (pass, result) -> System.out.println(
                        "  " + pass.name() + ": " + result.nodes().size() + " nodes"));
        System.out.println(what + ", after the passes: " + optimized.nodes().size() + " nodes");
        if (optimized != graph) {
            System.out.print(optimized);
        }
        return optimized;
    }
}
