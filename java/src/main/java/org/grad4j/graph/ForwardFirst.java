package org.grad4j.graph;

import java.util.List;

/**
 * Orders a joint graph (see {@link Autodiff}) so that every node that does not depend on an output
 * gradient comes first: the forward part can then run on its own, and the backward part later.
 */
final class ForwardFirst {
    private ForwardFirst() {}

    /** The graph with its forward part first, each part in its old order. */
    static Graph reorder(Graph joint) {
        boolean[] backward = backwardNodes(joint);
        Rewrite r = new Rewrite(joint);
        for (boolean second : new boolean[] {false, true}) {
            for (Node n : joint.nodes()) {
                if (backward[n.output().id()] == second) {
                    r.copy(n);
                }
            }
        }
        return r.build();
    }

    /** How many nodes of a reordered graph make its forward part. */
    static int forwardNodes(Graph reordered) {
        boolean[] backward = backwardNodes(reordered);
        int n = 0;
        while (n < backward.length && !backward[n]) {
            n++;
        }
        return n;
    }

    /** The nodes that depend on an input named gradOutput0, gradOutput1, ... */
    private static boolean[] backwardNodes(Graph g) {
        List<Node> nodes = g.nodes();
        boolean[] backward = new boolean[nodes.size()];
        for (Node n : nodes) {
            boolean b = n.kind() == Node.Kind.INPUT && n.target().startsWith("gradOutput");
            for (Value in : n.inputs()) {
                b |= backward[in.id()];
            }
            backward[n.output().id()] = b;
        }
        return backward;
    }
}
