package org.grad4j.graph;

import java.util.List;
import java.util.function.BiConsumer;

/** The graph passes grad4j has, and the order {@link #optimize} runs them in. */
public final class Passes {
    /** Drops what no output depends on. */
    public static final Pass DEAD_CODE_ELIMINATION = new DeadCodeElimination();

    /** Computes each expression once. */
    public static final Pass COMMON_SUBEXPRESSION_ELIMINATION = new CommonSubexpressionElimination();

    /** Computes ops on constants once. */
    public static final Pass CONSTANT_FOLDING = new ConstantFolding();

    /** Removes ops that return an input unchanged. */
    public static final Pass ALGEBRAIC_SIMPLIFICATION = new AlgebraicSimplification();

    /** Folds a bias add and an activation into the pass over a GEMM's output. */
    public static final Pass EPILOGUE_FUSION = new EpilogueFusion();

    /** Computes each chain of element-wise ops in one pass. */
    public static final Pass ELEMENTWISE_FUSION = new ElementwiseFusion();

    private Passes() {}

    /**
     * The pass that keeps, of the forward results a joint graph's backward part reads, only those
     * ending each of {@code segments} stretches of its forward ops, and computes the others again
     * in the backward part (rematerialization, the compiler's activation checkpointing).
     *
     * @param segments the number of stretches, at least 1; about √(forward ops) uses least memory
     * @return the pass
     * @throws IllegalArgumentException if segments is below 1
     */
    public static Pass rematerialization(int segments) {
        return new Rematerialization(segments);
    }

    /**
     * Epilogue fusion, then element-wise fusion: what a graph runs as fewer kernels. The fused ops
     * have no backward, so a graph is fused after its gradient graph is built.
     *
     * @param graph the graph
     * @return the fused graph, or {@code graph} when nothing fused
     */
    public static Graph fuse(Graph graph) {
        return fuse(graph, (pass, result) -> {});
    }

    /**
     * As {@link #fuse(Graph)}, telling {@code afterEach} each pass that changed the graph and what it made.
     *
     * @param graph the graph
     * @param afterEach called with each pass that changed the graph and its result
     * @return the fused graph
     */
    public static Graph fuse(Graph graph, BiConsumer<Pass, Graph> afterEach) {
        Graph g = graph;
        for (Pass pass : List.of(EPILOGUE_FUSION, ELEMENTWISE_FUSION)) {
            Graph next = pass.apply(g);
            if (next != g) {
                afterEach.accept(pass, next);
                g = next;
            }
        }
        return g;
    }

    /**
     * Folding, simplification, common subexpressions and dead code, in that order.
     *
     * @return the passes {@link #optimize} runs
     */
    public static List<Pass> standard() {
        return List.of(
                CONSTANT_FOLDING, ALGEBRAIC_SIMPLIFICATION, COMMON_SUBEXPRESSION_ELIMINATION, DEAD_CODE_ELIMINATION);
    }

    /**
     * Runs the standard passes until a round changes nothing (at most 10 rounds).
     *
     * @param graph the graph
     * @return the optimized graph
     */
    public static Graph optimize(Graph graph) {
        return optimize(graph, (pass, result) -> {});
    }

    /**
     * Runs the standard passes until a round changes nothing (at most 10 rounds), telling
     * {@code afterEach} each pass that changed the graph and what it made.
     *
     * @param graph the graph
     * @param afterEach called with each pass that changed the graph and its result
     * @return the optimized graph
     */
    public static Graph optimize(Graph graph, BiConsumer<Pass, Graph> afterEach) {
        Graph g = graph;
        for (int round = 0; round < 10; round++) {
            boolean changed = false;
            for (Pass pass : standard()) {
                Graph next = pass.apply(g);
                if (next != g) {
                    afterEach.accept(pass, next);
                    changed = true;
                    g = next;
                }
            }
            if (!changed) {
                break;
            }
        }
        return g;
    }
}
