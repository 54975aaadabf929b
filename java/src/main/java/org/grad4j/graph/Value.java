package org.grad4j.graph;

import java.util.Arrays;

/**
 * A tensor that one node of a graph produces and later nodes use: its number in the graph
 * (printed {@code %3}), its static shape and its element type.
 */
public final class Value {
    private final int id;
    private final int[] shape;
    private final DType dtype;

    Value(int id, int[] shape, DType dtype) {
        this.id = id;
        this.shape = shape.clone();
        this.dtype = dtype;
    }

    /**
     * The value's number, unique in its graph.
     *
     * @return the number
     */
    public int id() {
        return id;
    }

    /**
     * The static shape.
     *
     * @return a copy of the shape
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * The element type.
     *
     * @return the type
     */
    public DType dtype() {
        return dtype;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value v && v.id == id && Arrays.equals(v.shape, shape) && v.dtype == dtype;
    }

    @Override
    public int hashCode() {
        return id;
    }

    /** {@code %3}. */
    @Override
    public String toString() {
        return "%" + id;
    }
}
