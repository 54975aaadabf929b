package org.grad4j.backend;

/** Reductions over one axis; ARGMAX and ARGMIN write the first extreme position as a float. */
public enum ReduceOp {
    /** The sum. */
    SUM,
    /** The largest value. */
    MAX,
    /** The smallest value. */
    MIN,
    /** The position of the first largest value. */
    ARGMAX,
    /** The position of the first smallest value. */
    ARGMIN
}
