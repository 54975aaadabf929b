package org.grad4j.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes each expression once: an op applied to the same values with equal attributes, and
 * constants of equal shape and values, become one node that all their uses share.
 */
final class CommonSubexpressionElimination implements Pass {
    private record OpKey(String op, Attributes attributes, List<Integer> inputs) {}

    private record ConstantKey(List<Integer> shape, int hash, float[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ConstantKey k && k.shape.equals(shape) && Arrays.equals(k.values, values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    @Override
    public String name() {
        return "common subexpression elimination";
    }

    @Override
    public Graph apply(Graph graph) {
        Rewrite r = new Rewrite(graph);
        Map<Object, Value> seen = new HashMap<>();
        int merged = 0;
        for (Node node : graph.nodes()) {
            Object key = switch (node.kind()) {
                case OP ->
                    new OpKey(
                            node.target(),
                            node.attributes(),
                            Arrays.stream(r.inputs(node)).map(Value::id).toList());
                case CONSTANT ->
                    new ConstantKey(
                            Arrays.stream(node.output().shape()).boxed().toList(),
                            Arrays.hashCode(node.constantValues()),
                            node.constantValues());
                default -> null;
            };
            Value earlier = key == null ? null : seen.get(key);
            if (earlier != null) {
                r.map(node.output(), earlier);
                merged++;
            } else {
                Value v = r.copy(node);
                if (key != null) {
                    seen.put(key, v);
                }
            }
        }
        return merged == 0 ? graph : r.build();
    }
}
