package org.grad4j.backend;

/**
 * Element-wise functions of one tensor. {@code alpha} and {@code beta} are the op's parameters
 * where it has any (LEAKY_RELU slope, ELU alpha, CLAMP min and max, POW exponent); the
 * {@code *_GRAD} entries are derivatives, used by the ops' backward.
 */
public enum UnaryOp {
    /** −x. */
    NEG,
    /** e to the power x. */
    EXP,
    /** Natural logarithm. */
    LOG,
    /** Square root. */
    SQRT,
    /** |x|. */
    ABS,
    /** −1, 0 or 1 by the sign of x ({@code torch.sign}). */
    SIGN,
    /** Hyperbolic tangent. */
    TANH,
    /** 1 / (1 + exp(−x)). */
    SIGMOID,
    /** x where x &gt; 0, else alpha · x. */
    LEAKY_RELU,
    /** log(1 + exp(x)). */
    SOFTPLUS,
    /** x · Φ(x) with the exact Gaussian CDF. */
    GELU,
    /** The error function, 2/√π · ∫₀ˣ exp(−t²) dt. */
    ERF,
    /** The largest integer &lt;= x ({@code torch.floor}); NaN, infinities and −0 as they are. */
    FLOOR,
    /** The smallest integer &gt;= x ({@code torch.ceil}); NaN, infinities and −0 as they are. */
    CEIL,
    /** x rounded toward zero ({@code torch.trunc}); NaN, infinities and −0 as they are. */
    TRUNC,
    /** x where x &gt; 0, else alpha · (exp(x) − 1). */
    ELU,
    /** x limited to [alpha, beta]. */
    CLAMP,
    /** x to the power alpha. */
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
