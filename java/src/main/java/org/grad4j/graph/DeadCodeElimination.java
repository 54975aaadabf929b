package org.grad4j.graph;

/**
 * Drops every op, parameter and constant that no output or state update depends on. Inputs stay:
 * they are the graph's signature; so do the parameters that state updates write.
 */
final class DeadCodeElimination implements Pass {
    @Override
    public String name() {
        return "dead code elimination";
    }

    @Override
    public Graph apply(Graph graph) {
        int n = graph.nodes().size();
        boolean[] live = new boolean[n];
        for (Value v : graph.outputs()) {
            live[v.id()] = true;
        }
        for (Value v : graph.updates().values()) {
            live[v.id()] = true;
        }
        for (int i = n - 1; i >= 0; i--) {
            Node node = graph.nodes().get(i);
            boolean written =
                    node.kind() == Node.Kind.PARAMETER && graph.updates().containsKey(node.target());
            if (live[i] || written || node.kind() == Node.Kind.INPUT) {
                live[i] = true;
                for (Value in : node.inputs()) {
                    live[in.id()] = true;
                }
            }
        }
        Rewrite r = new Rewrite(graph);
        int kept = 0;
        for (Node node : graph.nodes()) {
            if (live[node.output().id()]) {
                r.copy(node);
                kept++;
            }
        }
        return kept == n ? graph : r.build();
    }
}
