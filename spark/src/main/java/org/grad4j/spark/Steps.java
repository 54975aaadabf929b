package org.grad4j.spark;

import org.apache.spark.broadcast.Broadcast;

/** How a training mode runs an epoch's global batches. */
interface Steps {
    /**
     * Runs the epoch.
     *
     * @param batchOf for each row index, its global batch in this epoch
     * @param batches the epoch's batch count
     * @return the epoch's sums
     */
    Totals epoch(Broadcast<int[]> batchOf, int batches);

    /**
     * An epoch's sums.
     *
     * @param lossSum the loss summed over samples
     * @param samples the samples seen
     * @param computeNanos the time spent computing (the slowest task per job, and the driver's updates)
     */
    record Totals(double lossSum, long samples, long computeNanos) {}
}
