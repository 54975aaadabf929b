package org.grad4j.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import scala.Tuple2;

/**
 * One partition's samples in contiguous arrays, with each one's global row index: what the cached
 * training data holds. Building it never throws: the first bad row is kept as {@link #problem}, which
 * the driver reports before training.
 */
final class Block implements Serializable {
    private static final long serialVersionUID = 1L;

    final int partition;
    final long[] rowIndex;
    final float[] features;
    final int[] labels;
    final int width;
    final String problem;

    private Block(int partition, long[] rowIndex, float[] features, int[] labels, int width, String problem) {
        this.partition = partition;
        this.rowIndex = rowIndex;
        this.features = features;
        this.labels = labels;
        this.width = width;
        this.problem = problem;
    }

    static Block of(int partition, Iterator<Tuple2<Sample, Long>> samples) {
        long[] rows = new long[16];
        int[] labels = new int[16];
        float[] features = new float[0];
        int width = -1;
        int n = 0;
        while (samples.hasNext()) {
            Tuple2<Sample, Long> next = samples.next();
            Sample s = next._1();
            long row = next._2();
            if (s == null) {
                return failed(partition, "partition " + partition + ", row " + row + ": the sample is null");
            }
            if (width < 0) {
                width = s.features().length;
                if (width == 0) {
                    return failed(partition, "partition " + partition + ", row " + row + ": the features are empty");
                }
            } else if (s.features().length != width) {
                return failed(
                        partition,
                        "partition " + partition + ", row " + row + ": the features have " + s.features().length
                                + " values, but earlier rows have " + width);
            }
            if (n == rows.length) {
                rows = Arrays.copyOf(rows, 2 * n);
                labels = Arrays.copyOf(labels, 2 * n);
            }
            if ((long) (n + 1) * width > Integer.MAX_VALUE - 8) {
                return failed(partition, "partition " + partition + " holds more feature values than one array can");
            }
            if (features.length < (n + 1) * width) {
                features = Arrays.copyOf(features, (int) Math.min(Integer.MAX_VALUE - 8, 2L * (n + 1) * width));
            }
            System.arraycopy(s.features(), 0, features, n * width, width);
            rows[n] = row;
            labels[n] = s.label();
            n++;
        }
        return new Block(
                partition,
                Arrays.copyOf(rows, n),
                Arrays.copyOf(features, n * Math.max(width, 0)),
                Arrays.copyOf(labels, n),
                width,
                null);
    }

    private static Block failed(int partition, String problem) {
        return new Block(partition, new long[0], new float[0], new int[0], -1, problem);
    }

    int size() {
        return labels.length;
    }

    /** What the driver checks before training: the row count, the width, the label range, a problem. */
    Summary summary() {
        int min = 0;
        int max = 0;
        for (int i = 1; i < labels.length; i++) {
            if (labels[i] < labels[min]) {
                min = i;
            }
            if (labels[i] > labels[max]) {
                max = i;
            }
        }
        return labels.length == 0
                ? new Summary(partition, 0, width, 0, -1, 0, -1, problem)
                : new Summary(
                        partition, labels.length, width, labels[min], rowIndex[min], labels[max], rowIndex[max], null);
    }

    /** The local indices of this block's rows that the given global batch holds. */
    int[] rowsOf(int[] batchOf, int batch) {
        int[] picked = new int[labels.length];
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
            if (batchOf[(int) rowIndex[i]] == batch) {
                picked[n++] = i;
            }
        }
        return Arrays.copyOf(picked, n);
    }

    float[] featuresOf(int[] picked) {
        float[] out = new float[picked.length * width];
        for (int i = 0; i < picked.length; i++) {
            System.arraycopy(features, picked[i] * width, out, i * width, width);
        }
        return out;
    }

    float[] labelsOf(int[] picked) {
        float[] out = new float[picked.length];
        for (int i = 0; i < picked.length; i++) {
            out[i] = labels[picked[i]];
        }
        return out;
    }

    /**
     * A partition's summary.
     *
     * @param partition the partition's index
     * @param rows its row count
     * @param width its features' width, -1 when it has no rows
     * @param minLabel the smallest label
     * @param minLabelRow the row that holds it, -1 when there are no rows
     * @param maxLabel the largest label
     * @param maxLabelRow the row that holds it
     * @param problem the first bad row, or null
     */
    record Summary(
            int partition,
            int rows,
            int width,
            int minLabel,
            long minLabelRow,
            int maxLabel,
            long maxLabelRow,
            String problem)
            implements Serializable {}
}
