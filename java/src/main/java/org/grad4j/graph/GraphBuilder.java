package org.grad4j.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.grad4j.autograd.GradMode;
import org.grad4j.internal.ops.OpRegistry;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * Builds a {@link Graph} node by node; every value an op uses must come from this builder and
 * before the op, so a graph cannot hold a cycle.
 *
 * <pre>{@code
 * GraphBuilder b = new GraphBuilder();
 * Value x = b.input("x", 4, 3);
 * Value w = b.parameter("w", Tensor.randn(3, 2));
 * Value y = b.op("relu", Attributes.of(), b.op("matmul", Attributes.of(), x, w));
 * Graph g = b.build(y);
 * }</pre>
 */
public final class GraphBuilder {
    private final List<Node> nodes = new ArrayList<>();
    private final Set<Value> defined = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, Tensor> bound = new LinkedHashMap<>();
    private final Map<String, Value> names = new HashMap<>();
    private final Map<String, Value> updates = new LinkedHashMap<>();
    private final List<Region> regions = new ArrayList<>();

    private Value add(
            Node.Kind kind, String target, List<Value> inputs, Attributes attributes, int[] shape, float[] constant) {
        Value v = new Value(nodes.size(), shape, DType.FLOAT32);
        nodes.add(new Node(kind, target, inputs, attributes, v, constant));
        defined.add(v);
        return v;
    }

    private void unique(String kind, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("graph: a " + kind + " needs a name");
        }
        if (names.containsKey(name)) {
            throw new IllegalArgumentException("graph: the name '" + name + "' is taken by " + names.get(name));
        }
    }

    /**
     * A graph input, given to each run in the order inputs are added.
     *
     * @param name the input's name
     * @param shape its static shape
     * @return its value
     */
    public Value input(String name, int... shape) {
        unique("input", name);
        Value v = add(Node.Kind.INPUT, name, List.of(), Attributes.of(), shape, null);
        names.put(name, v);
        return v;
    }

    /**
     * A parameter bound to a tensor: each run reads the tensor's current values (so that training
     * it changes what the graph computes), unless the run is given another tensor under the name.
     *
     * @param name the parameter's name, e.g. {@code "fc1.weight"}
     * @param value the tensor it is bound to (not copied)
     * @return its value
     */
    public Value parameter(String name, Tensor value) {
        unique("parameter", name);
        Value v = add(Node.Kind.PARAMETER, name, List.of(), Attributes.of(), value.shape(), null);
        bound.put(name, value);
        names.put(name, v);
        return v;
    }

    /**
     * A parameter of a shape, given to each run by name.
     *
     * @param name the parameter's name
     * @param shape its static shape
     * @return its value
     */
    public Value parameter(String name, int... shape) {
        unique("parameter", name);
        Value v = add(Node.Kind.PARAMETER, name, List.of(), Attributes.of(), shape, null);
        names.put(name, v);
        return v;
    }

    /**
     * A constant: a copy of the tensor's values, fixed in the graph.
     *
     * @param name the constant's name
     * @param value its values (copied)
     * @return its value
     */
    public Value constant(String name, Tensor value) {
        unique("constant", name);
        Value v = add(Node.Kind.CONSTANT, name, List.of(), Attributes.of(), value.shape(), value.toArray());
        names.put(name, v);
        return v;
    }

    /** A constant from values it takes over (not copied; graphs never write them). */
    Value constant(String name, int[] shape, float[] values) {
        unique("constant", name);
        Value v = add(Node.Kind.CONSTANT, name, List.of(), Attributes.of(), shape, values);
        names.put(name, v);
        return v;
    }

    /** Whether a node already has this name. */
    /** The number of nodes added so far: the id the next node gets. */
    int size() {
        return nodes.size();
    }

    /** Records a region of the nodes added so far. */
    void region(Region region) {
        regions.add(region);
    }

    boolean hasName(String name) {
        return names.containsKey(name);
    }

    /**
     * An op applied to earlier values; its output shape is found by running the op once on zeros
     * of the inputs' shapes, so that a wrong combination fails here with the op's own message.
     *
     * @param op the op's public name, e.g. {@code "matmul"}
     * @param attributes its constant arguments
     * @param inputs the values it is applied to
     * @return its output value
     * @throws IllegalArgumentException if no op has the name, an input is not from this builder, or
     *     the op rejects the inputs' shapes or the attributes
     */
    public Value op(String op, Attributes attributes, Value... inputs) {
        check(op, inputs);
        Tensor[] zeros = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            zeros[i] = Tensor.zeros(inputs[i].shape());
        }
        int[] shape;
        try (Scope ignored = GradMode.noGrad()) {
            shape = OpRegistry.create(op, attributes).apply(zeros).shape();
        }
        return add(Node.Kind.OP, op, List.of(inputs), attributes, shape, null);
    }

    /** An op whose output shape is known (tracing saw it). */
    Value op(String op, Attributes attributes, int[] shape, Value... inputs) {
        check(op, inputs);
        return add(Node.Kind.OP, op, List.of(inputs), attributes, shape, null);
    }

    private void check(String op, Value[] inputs) {
        if (!OpRegistry.contains(op)) {
            throw new IllegalArgumentException("graph: no grad4j op is named '" + op + "'");
        }
        for (Value v : inputs) {
            if (v == null || !defined.contains(v)) {
                throw new IllegalArgumentException("graph: " + op + " uses " + v
                        + ", which is not a value of this builder (a graph's values are defined before their uses)");
            }
        }
    }

    /**
     * A state update: each run writes {@code value} into the tensor of the parameter named
     * {@code parameter}, once every output is computed.
     *
     * @param parameter the name of a parameter of this builder
     * @param value its new value, of the parameter's shape
     * @throws IllegalArgumentException if no parameter has the name, it is already updated, or the
     *     value is not this builder's or has another shape
     */
    public void update(String parameter, Value value) {
        Value p = names.get(parameter);
        if (p == null || nodes.get(p.id()).kind() != Node.Kind.PARAMETER) {
            throw new IllegalArgumentException("graph: update of '" + parameter + "', which is not a parameter");
        }
        if (updates.containsKey(parameter)) {
            throw new IllegalArgumentException(
                    "graph: parameter '" + parameter + "' is already updated, to " + updates.get(parameter));
        }
        if (value == null || !defined.contains(value)) {
            throw new IllegalArgumentException(
                    "graph: update of '" + parameter + "' to " + value + ", which is not a value of this builder");
        }
        if (!java.util.Arrays.equals(value.shape(), p.shape())) {
            throw new IllegalArgumentException(
                    "graph: update of '" + parameter + "' " + org.grad4j.internal.tensor.Shapes.str(p.shape()) + " to "
                            + value + " of shape " + org.grad4j.internal.tensor.Shapes.str(value.shape()));
        }
        updates.put(parameter, value);
    }

    /**
     * The graph computing these outputs, with the state updates given so far.
     *
     * @param outputs the values the graph returns, in order
     * @return the graph
     * @throws IllegalArgumentException if an output is not a value of this builder
     */
    public Graph build(Value... outputs) {
        for (Value v : outputs) {
            if (v == null || !defined.contains(v)) {
                throw new IllegalArgumentException("graph: output " + v + " is not a value of this builder");
            }
        }
        return new Graph(nodes, List.of(outputs), updates, bound, regions);
    }
}
