package org.grad4j.backend;

/**
 * Element-wise functions of two broadcast tensors; comparisons give 1 or 0. RELU_BACKWARD(x, g)
 * is g where x > 0, else 0: ReLU's backward in one pass.
 */
public enum BinaryOp {
    ADD,
    SUB,
    MUL,
    DIV,
    POW,
    GT,
    GE,
    LT,
    LE,
    EQ,
    NE,
    RELU_BACKWARD
}
