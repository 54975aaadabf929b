package org.grad4j.metrics;

/**
 * How per-class scores become one number, as the {@code average} argument of torchmetrics and
 * scikit-learn.
 */
public enum Average {
    /** Counts pooled over classes: sum TP / sum (TP + FP) etc.; equals accuracy for single-label data. */
    MICRO,
    /** Unweighted mean over the classes that occur in the targets or the predictions. */
    MACRO,
    /** Mean over classes weighted by support (the number of targets of each class). */
    WEIGHTED
}
