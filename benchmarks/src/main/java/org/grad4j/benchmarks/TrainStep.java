package org.grad4j.benchmarks;

/** One training step of a model on a fixed batch, by one framework. */
interface TrainStep extends AutoCloseable {
    /** Forward, cross-entropy, backward and an Adam step; returns the loss. */
    float run();

    @Override
    void close();
}
