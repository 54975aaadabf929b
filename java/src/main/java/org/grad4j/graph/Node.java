package org.grad4j.graph;

import java.util.List;

/**
 * One step of a graph: a graph input, a named parameter, a constant, or an op applied to earlier
 * values. Every node produces one value.
 */
public final class Node {
    /** What a node is. */
    public enum Kind {
        /** A value given to each run, in the graph's input order. */
        INPUT,
        /** A tensor bound by name (a module's dotted parameter name) when the graph runs. */
        PARAMETER,
        /** A tensor fixed in the graph. */
        CONSTANT,
        /** A grad4j op, by its public name, applied to earlier values with constant attributes. */
        OP
    }

    private final Kind kind;
    private final String target;
    private final List<Value> inputs;
    private final Attributes attributes;
    private final Value output;
    private final float[] constant;

    Node(Kind kind, String target, List<Value> inputs, Attributes attributes, Value output, float[] constant) {
        this.kind = kind;
        this.target = target;
        this.inputs = List.copyOf(inputs);
        this.attributes = attributes;
        this.output = output;
        this.constant = constant;
    }

    /**
     * The node's kind.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The op's public name ({@code "matmul"}) for an op node; the input's, parameter's or constant's
     * name otherwise.
     *
     * @return the name
     */
    public String target() {
        return target;
    }

    /**
     * The values an op node is applied to, in order; empty for other nodes.
     *
     * @return the inputs
     */
    public List<Value> inputs() {
        return inputs;
    }

    /**
     * An op node's constant arguments; empty for other nodes.
     *
     * @return the attributes
     */
    public Attributes attributes() {
        return attributes;
    }

    /**
     * The value the node produces.
     *
     * @return the value
     */
    public Value output() {
        return output;
    }

    /** A constant node's values in row-major order (not copied: the graph never writes them). */
    float[] constantValues() {
        return constant;
    }

    /** {@code %3 = matmul(%1, %2)}. */
    @Override
    public String toString() {
        return switch (kind) {
            case OP ->
                output + " = " + target + "("
                        + String.join(", ", inputs.stream().map(Value::toString).toList())
                        + (attributes.names().isEmpty() ? "" : "; " + attributes) + ")";
            default -> output + " = " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + target;
        };
    }
}
