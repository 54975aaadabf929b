package org.grad4j.graph;

import java.util.Map;

/**
 * Folds a bias add and an activation into the pass over a GEMM's output: {@code add(matmul(x, w),
 * bias)} with x and w 2-D and bias [n], and then, where it follows, relu, leakyRelu, tanh,
 * sigmoid, gelu or elu of it, becomes one {@code matmulBias(x, w, bias)} when nothing else uses the
 * intermediate values. A relu's backward reads the relu's output instead of its input (the same
 * mask), so that the pre-activation is not kept for it.
 */
final class EpilogueFusion implements Pass {
    /** The activations biasActivation applies, by op, with the name of the attribute holding their parameter. */
    private static final Map<String, String> ACTIVATIONS = Map.of(
            "relu", "",
            "leakyRelu", "negativeSlope",
            "tanh", "",
            "sigmoid", "",
            "gelu", "",
            "elu", "alpha");

    @Override
    public String name() {
        return "epilogue fusion";
    }

    @Override
    public Graph apply(Graph graph) {
        Graph g = reluBackwardReadsOutput(graph);
        Graph fused = fuse(g);
        return fused == null ? g : fused;
    }

    /** The graph with each reluBackward(x, grad) reading relu(x) where the graph computes it before. */
    private static Graph reluBackwardReadsOutput(Graph graph) {
        int n = graph.nodes().size();
        Value[] reluOf = new Value[n];
        for (Node node : graph.nodes()) {
            if (node.kind() == Node.Kind.OP && node.target().equals("relu")) {
                reluOf[node.inputs().get(0).id()] = node.output();
            }
        }
        Rewrite r = new Rewrite(graph);
        int changed = 0;
        for (Node node : graph.nodes()) {
            Value relu = node.kind() == Node.Kind.OP && node.target().equals("reluBackward")
                    ? reluOf[node.inputs().get(0).id()]
                    : null;
            if (relu != null && relu.id() < node.output().id()) {
                r.map(
                        node.output(),
                        r.builder.op(
                                node.target(),
                                node.attributes(),
                                node.output().shape(),
                                r.mapped(relu),
                                r.mapped(node.inputs().get(1))));
                changed++;
            } else {
                r.copy(node);
            }
        }
        return changed == 0 ? graph : r.build();
    }

    /** The graph with each GEMM epilogue fused, or null when there is none. */
    private static Graph fuse(Graph graph) {
        int n = graph.nodes().size();
        int[] uses = Uses.count(graph);
        // the last node of each fused pattern, by its matmul, and the nodes folded into it
        int[] patternEnd = new int[n];
        java.util.Arrays.fill(patternEnd, -1);
        boolean[] folded = new boolean[n];
        int found = 0;
        for (Node add : graph.nodes()) {
            if (add.kind() != Node.Kind.OP || !add.target().equals("add")) {
                continue;
            }
            Node matmul = null;
            Value bias = null;
            for (int i = 0; i < 2 && matmul == null; i++) {
                Node p = graph.producer(add.inputs().get(i));
                Value other = add.inputs().get(1 - i);
                if (isGemm(p)
                        && uses[p.output().id()] == 1
                        && isBias(other, p.output().shape())) {
                    matmul = p;
                    bias = other;
                }
            }
            if (matmul == null || folded[matmul.output().id()]) {
                continue;
            }
            int end = add.output().id();
            Node act = uses[end] == 1 ? onlyUser(graph, add.output()) : null;
            if (act != null && ACTIVATIONS.containsKey(act.target())) {
                folded[end] = true;
                end = act.output().id();
            }
            folded[matmul.output().id()] = true;
            patternEnd[end] = matmul.output().id();
            found++;
        }
        if (found == 0) {
            return null;
        }
        Rewrite r = new Rewrite(graph);
        for (Node node : graph.nodes()) {
            int id = node.output().id();
            if (folded[id]) {
                continue;
            }
            if (patternEnd[id] < 0) {
                r.copy(node);
                continue;
            }
            Node matmul = graph.nodes().get(patternEnd[id]);
            boolean withActivation = !node.target().equals("add");
            Node add = withActivation ? graph.producer(node.inputs().get(0)) : node;
            Value bias = add.inputs().get(0).equals(matmul.output())
                    ? add.inputs().get(1)
                    : add.inputs().get(0);
            String param = withActivation ? ACTIVATIONS.get(node.target()) : "";
            Attributes attributes = Attributes.of()
                    .with(
                            "activation",
                            withActivation ? ElementwiseOps.unary(node).name() : "none")
                    .with("alpha", param.isEmpty() ? 0f : node.attributes().getFloat(param));
            r.map(
                    node.output(),
                    r.builder.op(
                            "matmulBias",
                            attributes,
                            node.output().shape(),
                            r.mapped(matmul.inputs().get(0)),
                            r.mapped(matmul.inputs().get(1)),
                            r.mapped(bias)));
        }
        return r.build();
    }

    private static boolean isGemm(Node n) {
        return n.kind() == Node.Kind.OP
                && n.target().equals("matmul")
                && n.inputs().get(0).shape().length == 2
                && n.inputs().get(1).shape().length == 2;
    }

    private static boolean isBias(Value v, int[] product) {
        return v.shape().length == 1 && v.shape()[0] == product[1];
    }

    /** The op node that reads {@code v}, which has one use; null when that use is an output or a state update. */
    private static Node onlyUser(Graph graph, Value v) {
        if (graph.outputs().contains(v) || graph.updates().containsValue(v)) {
            return null;
        }
        for (Node node : graph.nodes()) {
            if (node.inputs().contains(v)) {
                return node;
            }
        }
        return null;
    }
}
