package org.grad4j.graph;

/**
 * A transformation of graphs: it returns a new graph that computes the same outputs and state
 * updates from the same inputs.
 */
public interface Pass {
    /**
     * The pass's name in listings, e.g. {@code "dead code elimination"}.
     *
     * @return the name
     */
    String name();

    /**
     * The transformed graph.
     *
     * @param graph the graph to transform (not changed)
     * @return the new graph, or {@code graph} itself when nothing changed
     */
    Graph apply(Graph graph);
}
