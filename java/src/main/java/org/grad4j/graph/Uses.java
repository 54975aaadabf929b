package org.grad4j.graph;

/** How often each value of a graph is read: once per op input that names it, per output and per state update. */
final class Uses {
    private Uses() {}

    static int[] count(Graph graph) {
        int[] uses = new int[graph.nodes().size()];
        for (Node node : graph.nodes()) {
            for (Value in : node.inputs()) {
                uses[in.id()]++;
            }
        }
        for (Value out : graph.outputs()) {
            uses[out.id()]++;
        }
        for (Value update : graph.updates().values()) {
            uses[update.id()]++;
        }
        return uses;
    }
}
