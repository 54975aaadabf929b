package org.grad4j.onnx;

import java.util.Arrays;

/**
 * A model's input or output as the model declares it.
 *
 * @param name the ONNX name
 * @param type the element type
 * @param shape the dimensions, -1 where the model leaves one open (a named or unknown dimension),
 *     or null where the model declares no shape
 */
public record OnnxValueInfo(String name, OnnxType type, long[] shape) {
    /** Copies the shape. */
    public OnnxValueInfo {
        shape = shape == null ? null : shape.clone();
    }

    /**
     * The dimensions, -1 where open; null where the model declares no shape.
     *
     * @return a copy of the shape
     */
    @Override
    public long[] shape() {
        return shape == null ? null : shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OnnxValueInfo v && v.name.equals(name) && v.type == type && Arrays.equals(v.shape, shape);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + type.hashCode()) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + ": " + type + (shape == null ? "" : " " + Arrays.toString(shape));
    }
}
