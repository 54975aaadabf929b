package org.grad4j.graph;

/** The element type of a graph value. grad4j tensors are float32, so that is every value's type today. */
public enum DType {
    /** 32-bit IEEE 754 floating point, {@code torch.float32}. */
    FLOAT32
}
