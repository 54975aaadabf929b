package org.grad4j.spark;

import java.io.Serializable;

/**
 * What every task of a run needs to build its replica: the recipes, the thread count, and an id that
 * tells this run's replicas from those of another.
 */
record RunSpec(
        String runId,
        ModelFactory modelFactory,
        LossFactory lossFactory,
        OptimizerFactory optimizerFactory,
        int threadsPerTask)
        implements Serializable {}
