package org.grad4j.spark;

import java.util.SplittableRandom;

/**
 * The global batches of an epoch: batch b holds rows [bB, (b+1)B) of a seeded permutation of the
 * row indices (the last batch shorter). Public so that single-process training can take the very
 * batches a {@link SparkTrainer} run takes.
 */
public final class GlobalBatches {
    private GlobalBatches() {}

    /**
     * The epoch's permutation of the row indices [0, rows), a function of (seed, epoch) alone.
     *
     * @param seed the run's seed
     * @param epoch the epoch, from 0
     * @param rows the dataset's row count
     * @return a new permutation: entry i is the row at position i
     */
    public static int[] order(long seed, int epoch, int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("GlobalBatches.order: rows must be >= 0, got " + rows);
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * The number of batches in an epoch.
     *
     * @param rows the dataset's row count
     * @param batchSize the global batch size
     * @return ceil(rows / batchSize)
     */
    public static int count(int rows, int batchSize) {
        return (int) (((long) rows + batchSize - 1) / batchSize);
    }

    /** For each row index, the batch that holds it. */
    static int[] batchOfRow(int[] order, int batchSize) {
        int[] batchOf = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            batchOf[order[i]] = i / batchSize;
        }
        return batchOf;
    }
}
