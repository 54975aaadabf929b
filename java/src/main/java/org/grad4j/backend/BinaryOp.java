package org.grad4j.backend;

/** Element-wise functions of two broadcast tensors; comparisons give 1 or 0. */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM, GT, GE, LT, LE, EQ, NE
}
