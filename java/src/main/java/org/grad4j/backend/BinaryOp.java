package org.grad4j.backend;

/**
 * Element-wise functions of two broadcast tensors; comparisons give 1 or 0. RELU_BACKWARD(x, g)
 * is g where x > 0, else 0: ReLU's backward in one pass.
 */
public enum BinaryOp {
    /** a + b. */
    ADD,
    /** a − b. */
    SUB,
    /** a · b. */
    MUL,
    /** a / b. */
    DIV,
    /** a to the power b. */
    POW,
    /** 1 where a &gt; b, else 0. */
    GT,
    /** 1 where a &ge; b, else 0. */
    GE,
    /** 1 where a &lt; b, else 0. */
    LT,
    /** 1 where a &le; b, else 0. */
    LE,
    /** 1 where a == b, else 0. */
    EQ,
    /** 1 where a != b, else 0. */
    NE,
    /** b where a &gt; 0, else 0: ReLU's backward with a the input and b the gradient. */
    RELU_BACKWARD
}
