package org.grad4j.graph;

/**
 * Drops every op, parameter and constant that no output depends on. Inputs stay: they are the
 * graph's signature.
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
        for (int i = n - 1; i >= 0; i--) {
            Node node = graph.nodes().get(i);
            if (live[i] || node.kind() == Node.Kind.INPUT) {
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
