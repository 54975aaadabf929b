package org.grad4j.graph;

import org.grad4j.tensor.Tensor;

/**
 * A new graph made from an old one node by node, in order: each old value maps to a value of the
 * new graph. Passes copy the nodes they keep and map the ones they remove to a replacement.
 */
final class Rewrite {
    final Graph old;
    final GraphBuilder builder = new GraphBuilder();
    private final Value[] map;

    Rewrite(Graph old) {
        this.old = old;
        this.map = new Value[old.nodes().size()];
    }

    /** The new value for an old one. */
    Value mapped(Value v) {
        Value m = map[v.id()];
        if (m == null) {
            throw new IllegalStateException("graph pass: " + v + " used before it was mapped");
        }
        return m;
    }

    /** Maps an old value to a value of the new graph. */
    void map(Value old, Value now) {
        map[old.id()] = now;
    }

    /** Copies a node, its inputs mapped; returns its new value. */
    Value copy(Node n) {
        Value v = switch (n.kind()) {
            case INPUT -> builder.input(n.target(), n.output().shape());
            case PARAMETER -> {
                Tensor bound = old.boundParameter(n.target());
                yield bound != null
                        ? builder.parameter(n.target(), bound)
                        : builder.parameter(n.target(), n.output().shape());
            }
            case CONSTANT -> builder.constant(n.target(), n.output().shape(), n.constantValues());
            case OP -> builder.op(n.target(), n.attributes(), n.output().shape(), inputs(n));
        };
        map(n.output(), v);
        return v;
    }

    /** An op node's inputs, mapped. */
    Value[] inputs(Node n) {
        Value[] in = new Value[n.inputs().size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = mapped(n.inputs().get(i));
        }
        return in;
    }

    /** The new graph, returning the mapped outputs of the old one, with its state updates mapped. */
    Graph build() {
        old.updates().forEach((name, v) -> builder.update(name, mapped(v)));
        return builder.build(old.outputs().stream().map(this::mapped).toArray(Value[]::new));
    }
}
