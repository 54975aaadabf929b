package org.grad4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.ElementwiseProgram;
import org.grad4j.backend.UnaryOp;
import org.grad4j.internal.tensor.Shapes;

/**
 * Fuses chains of element-wise ops (unary, binary with broadcasting, where, clamp, and the
 * derivative ops of their backward) into one {@code elementwise} node each, whose
 * {@link ElementwiseProgram} computes the chain in one pass: its intermediate values are never
 * written to memory. Groups grow from the last op of a chain (latest first) over the ops that
 * produce its operands, as long as such an op has the chain's shape, is not a graph output, and is
 * read only inside the group, and the program stays within its limits (four inputs, 32
 * instructions, 16 registers). A constant of one element that a binary op or a where reads
 * becomes an immediate of the program.
 */
final class ElementwiseFusion implements Pass {
    @Override
    public String name() {
        return "element-wise fusion";
    }

    @Override
    public Graph apply(Graph graph) {
        List<Node> nodes = graph.nodes();
        int n = nodes.size();
        int[] uses = Uses.count(graph);
        int[] root = new int[n];
        Arrays.fill(root, -1);
        Map<Integer, Fused> fused = new LinkedHashMap<>();
        for (int i = n - 1; i >= 0; i--) {
            Node node = nodes.get(i);
            if (root[i] < 0 && ElementwiseOps.isElementwise(node)) {
                Fused f = grow(graph, node, uses, root);
                if (f != null) {
                    for (int m : f.members) {
                        root[m] = i;
                    }
                    fused.put(i, f);
                }
            }
        }
        if (fused.isEmpty()) {
            return graph;
        }
        Rewrite r = new Rewrite(graph);
        for (Node node : nodes) {
            int id = node.output().id();
            Fused f = fused.get(id);
            if (f != null) {
                Value[] in = f.inputs.stream().map(r::mapped).toArray(Value[]::new);
                Attributes a = Attributes.of().with("program", f.program.toString());
                r.map(
                        node.output(),
                        r.builder.op("elementwise", a, node.output().shape(), in));
            } else if (root[id] < 0) {
                r.copy(node);
            }
        }
        return r.build();
    }

    /** A group of ops, its external inputs in order and the program that computes its last op. */
    private record Fused(TreeSet<Integer> members, List<Value> inputs, ElementwiseProgram program) {}

    /** The largest group grown from {@code last}, or null when no op joins it. */
    private static Fused grow(Graph graph, Node last, int[] uses, int[] root) {
        TreeSet<Integer> members = new TreeSet<>(List.of(last.output().id()));
        Fused best = null;
        java.util.Set<Integer> refused = new java.util.HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int m : new ArrayList<>(members)) {
                for (Value v : graph.nodes().get(m).inputs()) {
                    Node p = graph.producer(v);
                    int id = v.id();
                    if (members.contains(id)
                            || refused.contains(id)
                            || root[id] >= 0
                            || !ElementwiseOps.isElementwise(p)
                            || !Arrays.equals(v.shape(), last.output().shape())
                            || readsFrom(graph, members, v) != uses[id]) {
                        continue;
                    }
                    members.add(id);
                    Fused f = program(graph, members, last.output().shape());
                    if (f == null) {
                        members.remove(id);
                        refused.add(id);
                    } else {
                        best = f;
                        grew = true;
                    }
                }
            }
        }
        return best;
    }

    /** How often the members read {@code v}. */
    private static int readsFrom(Graph graph, TreeSet<Integer> members, Value v) {
        int reads = 0;
        for (int m : members) {
            for (Value in : graph.nodes().get(m).inputs()) {
                reads += in.equals(v) ? 1 : 0;
            }
        }
        return reads;
    }

    /** The program of a group, or null when it does not fit a program or loses the group's shape. */
    private static Fused program(Graph graph, TreeSet<Integer> members, int[] shape) {
        Map<Value, Integer> inputs = new LinkedHashMap<>();
        for (int m : members) {
            Node node = graph.nodes().get(m);
            for (int place = 0; place < node.inputs().size(); place++) {
                Value v = node.inputs().get(place);
                if (!members.contains(v.id()) && immediate(graph, node, place) == null) {
                    inputs.putIfAbsent(v, inputs.size());
                }
            }
        }
        if (inputs.isEmpty() || inputs.size() > ElementwiseProgram.MAX_INPUTS || !broadcastTo(inputs, shape)) {
            return null;
        }
        ElementwiseProgram.Builder b = ElementwiseProgram.builder(inputs.size());
        Map<Integer, Integer> valueOf = new java.util.HashMap<>();
        try {
            for (int m : members) {
                Node node = graph.nodes().get(m);
                valueOf.put(m, instruction(graph, b, node, inputs, valueOf));
            }
            return new Fused(members, List.copyOf(inputs.keySet()), b.build());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the inputs, broadcast together, have the group's shape (immediates add no dims). */
    private static boolean broadcastTo(Map<Value, Integer> inputs, int[] shape) {
        int[] s = new int[0];
        for (Value v : inputs.keySet()) {
            s = Shapes.broadcast("elementwise", s, v.shape());
        }
        return Arrays.equals(s, shape);
    }

    /**
     * The constant that operand {@code place} takes as an immediate, or null: a one-element constant
     * read by a binary op or as a where's branch, unless the op's other operand (branch) is one too,
     * for an instruction reads at least one value.
     */
    private static Float immediate(Graph graph, Node node, int place) {
        int first = ElementwiseOps.binary(node) != null ? 0 : node.target().equals("where") ? 1 : -1;
        if (first < 0 || place < first || !isScalarConstant(graph, node.inputs().get(place))) {
            return null;
        }
        boolean otherToo = isScalarConstant(graph, node.inputs().get(place == first ? first + 1 : first));
        return place == first && otherToo
                ? null
                : graph.producer(node.inputs().get(place)).constantValues()[0];
    }

    private static boolean isScalarConstant(Graph graph, Value v) {
        Node p = graph.producer(v);
        return p.kind() == Node.Kind.CONSTANT && Shapes.numel(p.output().shape()) == 1;
    }

    /** Adds the instruction of one member; returns its value. */
    private static int instruction(
            Graph graph,
            ElementwiseProgram.Builder b,
            Node node,
            Map<Value, Integer> inputs,
            Map<Integer, Integer> valueOf) {
        BinaryOp binary = ElementwiseOps.binary(node);
        UnaryOp unary = ElementwiseOps.unary(node);
        if (unary != null) {
            return b.unary(
                    unary, ElementwiseOps.alpha(node), ElementwiseOps.beta(node), value(node, 0, inputs, valueOf));
        }
        Float first = immediate(graph, node, binary != null ? 0 : 1);
        Float second = immediate(graph, node, binary != null ? 1 : 2);
        if (binary != null) {
            return first != null
                    ? b.binary(binary, first, value(node, 1, inputs, valueOf))
                    : second != null
                            ? b.binary(binary, value(node, 0, inputs, valueOf), second)
                            : b.binary(binary, value(node, 0, inputs, valueOf), value(node, 1, inputs, valueOf));
        }
        Number a = first != null ? first : (Number) value(node, 1, inputs, valueOf);
        Number c = second != null ? second : (Number) value(node, 2, inputs, valueOf);
        return b.where(value(node, 0, inputs, valueOf), a, c);
    }

    /** The program value of operand {@code place}: a member's result or an input. */
    private static int value(Node node, int place, Map<Value, Integer> inputs, Map<Integer, Integer> valueOf) {
        Value v = node.inputs().get(place);
        Integer member = valueOf.get(v.id());
        return member != null ? member : inputs.get(v);
    }
}
