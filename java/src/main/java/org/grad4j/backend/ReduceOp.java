package org.grad4j.backend;

/** Reductions over one axis; ARGMAX and ARGMIN write the first extreme position as a float. */
public enum ReduceOp {
    SUM,
    MAX,
    MIN,
    ARGMAX,
    ARGMIN
}
