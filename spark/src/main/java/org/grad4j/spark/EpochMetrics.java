package org.grad4j.spark;

/**
 * One epoch of a {@link SparkTrainer} run.
 *
 * @param epoch the epoch, from 1
 * @param loss the mean training loss over the epoch's samples, each taken at the parameters of its
 *     step
 * @param samples the samples seen
 * @param seconds the epoch's wall time on the driver
 * @param computeSeconds the part spent computing: per step, the slowest task's forward and backward
 *     plus the driver's optimizer step
 * @param sparkSeconds the rest: scheduling jobs, broadcasting parameters, serializing and combining
 *     gradients
 */
public record EpochMetrics(
        int epoch, double loss, long samples, double seconds, double computeSeconds, double sparkSeconds) {
    /**
     * Throughput over the epoch.
     *
     * @return samples per second of wall time
     */
    public double samplesPerSecond() {
        return samples / seconds;
    }
}
