package org.grad4j.graph;

import java.util.Arrays;

/**
 * Removes ops that return one of their inputs unchanged: adding or subtracting zeros, multiplying
 * or dividing by ones (when that does not broadcast the other operand to a larger shape),
 * {@code neg(neg(x))}, {@code pow(x, 1)}, a permutation undone by the next, and reshapes, expands,
 * permutations, narrows and slices that keep the shape and every element in place. Each use of
 * such an op then uses its input.
 */
final class AlgebraicSimplification implements Pass {
    @Override
    public String name() {
        return "algebraic simplification";
    }

    @Override
    public Graph apply(Graph graph) {
        Rewrite r = new Rewrite(graph);
        int removed = 0;
        for (Node node : graph.nodes()) {
            Value same = node.kind() == Node.Kind.OP ? identityOperand(graph, node) : null;
            if (same != null) {
                r.map(node.output(), r.mapped(same));
                removed++;
            } else {
                r.copy(node);
            }
        }
        return removed == 0 ? graph : r.build();
    }

    /** The input the op returns unchanged, or null. */
    private static Value identityOperand(Graph graph, Node node) {
        int[] out = node.output().shape();
        Value a = node.inputs().isEmpty() ? null : node.inputs().get(0);
        Value b = node.inputs().size() > 1 ? node.inputs().get(1) : null;
        Attributes at = node.attributes();
        return switch (node.target()) {
            case "add" ->
                filledWith(graph, b, 0f) && sameShape(a, out)
                        ? a
                        : filledWith(graph, a, 0f) && sameShape(b, out) ? b : null;
            case "sub" -> filledWith(graph, b, 0f) && sameShape(a, out) ? a : null;
            case "mul" ->
                filledWith(graph, b, 1f) && sameShape(a, out)
                        ? a
                        : filledWith(graph, a, 1f) && sameShape(b, out) ? b : null;
            case "div" -> filledWith(graph, b, 1f) && sameShape(a, out) ? a : null;
            case "pow" -> at.has("exponent") && at.getFloat("exponent") == 1f ? a : null;
            case "neg" -> {
                Node inner = graph.producer(a);
                yield inner.kind() == Node.Kind.OP && inner.target().equals("neg")
                        ? inner.inputs().get(0)
                        : null;
            }
            case "reshape", "view", "expand" -> sameShape(a, out) ? a : null;
            case "permute" -> {
                int[] dims = at.getInts("dims");
                Node inner = graph.producer(a);
                if (isIdentity(dims)) {
                    yield a;
                }
                yield inner.kind() == Node.Kind.OP
                                && inner.target().equals("permute")
                                && isIdentity(compose(inner.attributes().getInts("dims"), dims))
                        ? inner.inputs().get(0)
                        : null;
            }
            case "narrow", "slice" ->
                sameShape(a, out) && at.getInt("start") == 0 && (!at.has("step") || at.getInt("step") == 1) ? a : null;
            default -> null;
        };
    }

    private static boolean sameShape(Value v, int[] shape) {
        return v != null && Arrays.equals(v.shape(), shape);
    }

    /** Whether v is a constant whose every element is {@code value}. */
    private static boolean filledWith(Graph graph, Value v, float value) {
        if (v == null) {
            return false;
        }
        Node n = graph.producer(v);
        if (n.kind() != Node.Kind.CONSTANT) {
            return false;
        }
        for (float x : n.constantValues()) {
            if (Float.compare(x, value) != 0 && !(x == 0f && value == 0f)) {
                return false;
            }
        }
        return true;
    }

    /** The dims of permute(permute(x, first), second) as one permute of x. */
    private static int[] compose(int[] first, int[] second) {
        int[] dims = new int[second.length];
        for (int i = 0; i < dims.length; i++) {
            int d = second[i] < 0 ? second[i] + dims.length : second[i];
            int e = first[d];
            dims[i] = e < 0 ? e + dims.length : e;
        }
        return dims;
    }

    private static boolean isIdentity(int[] dims) {
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] != i) {
                return false;
            }
        }
        return true;
    }
}
