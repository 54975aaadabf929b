package org.grad4j.graph;

import java.util.HashMap;
import java.util.Map;
import org.grad4j.autograd.GradMode;
import org.grad4j.internal.ops.OpRegistry;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * Computes, once, every op whose inputs are all constants, and puts a constant with its result in
 * its place; a result larger than {@value #MAX_ELEMENTS} elements and than its inputs together
 * (an expand of a scalar, say) stays an op, which costs less than the constant would hold.
 */
final class ConstantFolding implements Pass {
    static final int MAX_ELEMENTS = 1 << 16;

    @Override
    public String name() {
        return "constant folding";
    }

    @Override
    public Graph apply(Graph graph) {
        Rewrite r = new Rewrite(graph);
        Map<Integer, Tensor> constants = new HashMap<>();
        int folded = 0;
        for (Node node : graph.nodes()) {
            if (node.kind() == Node.Kind.CONSTANT) {
                Value v = r.copy(node);
                constants.put(
                        v.id(), Tensor.of(node.constantValues(), node.output().shape()));
                continue;
            }
            Value[] in = node.kind() == Node.Kind.OP ? r.inputs(node) : null;
            if (in == null || !allConstant(in, constants) || !small(node, in)) {
                r.copy(node);
                continue;
            }
            Tensor[] args = new Tensor[in.length];
            for (int i = 0; i < in.length; i++) {
                args[i] = constants.get(in[i].id());
            }
            Tensor result;
            try (Scope ignored = GradMode.noGrad()) {
                result = OpRegistry.create(node.target(), node.attributes()).apply(args);
            }
            String name = "folded" + folded++;
            while (r.builder.hasName(name)) {
                name = "folded" + folded++;
            }
            Value v = r.builder.constant(name, result);
            constants.put(v.id(), result);
            r.map(node.output(), v);
        }
        return folded == 0 ? graph : r.build();
    }

    private static boolean allConstant(Value[] in, Map<Integer, Tensor> constants) {
        for (Value v : in) {
            if (!constants.containsKey(v.id())) {
                return false;
            }
        }
        return true;
    }

    private static boolean small(Node node, Value[] in) {
        long inputs = 0;
        for (Value v : in) {
            inputs += numel(v.shape());
        }
        long out = numel(node.output().shape());
        return out <= MAX_ELEMENTS || out <= inputs;
    }

    private static long numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }
}
