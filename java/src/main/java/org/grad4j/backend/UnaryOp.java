package org.grad4j.backend;

/**
 * Element-wise functions of one tensor. {@code alpha} and {@code beta} are the op's parameters
 * where it has any (LEAKY_RELU slope, ELU alpha, CLAMP min and max, POW exponent); the
 * {@code *_GRAD} entries are derivatives, used by the ops' backward.
 */
public enum UnaryOp {
    NEG,
    EXP,
    LOG,
    SQRT,
    ABS,
    SIGN,
    TANH,
    SIGMOID,
    LEAKY_RELU,
    SOFTPLUS,
    GELU,
    ELU,
    CLAMP,
    POW,
    /** 1 where x &gt; 0, else alpha (alpha = 0 gives the ReLU derivative). */
    LEAKY_RELU_GRAD,
    /** d/dx of x·Φ(x). */
    GELU_GRAD,
    /** 1 where x &gt; 0, else alpha·exp(x). */
    ELU_GRAD,
    /** 1 where alpha &lt;= x &lt;= beta, else 0. */
    CLAMP_GRAD
}
