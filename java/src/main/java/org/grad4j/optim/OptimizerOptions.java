package org.grad4j.optim;

/**
 * The hyper-parameters of one param group: a record per optimizer ({@link SGD.Options},
 * {@link Adam.Options}, ...) with PyTorch's names and defaults, each valid by construction.
 * Every one has a learning rate, which schedules read and replace.
 */
public interface OptimizerOptions {
    /**
     * The learning rate.
     *
     * @return the learning rate, &gt;= 0
     */
    double lr();

    /**
     * The same options with another learning rate.
     *
     * @param lr the new learning rate, &gt;= 0
     * @return a copy of these options with it
     */
    OptimizerOptions lr(double lr);
}
