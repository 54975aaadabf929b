package org.grad4j.spark;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import org.grad4j.autograd.GradMode;
import org.grad4j.nn.Module;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import scala.Tuple2;

/**
 * The training samples as cached blocks, one per partition, each row numbered by
 * {@code zipWithIndex}; checked against the model before the first step. The blocks are
 * checkpointed: to the context's checkpoint directory when it has one (they survive the loss of an
 * executor), else in the executors' block managers ({@code localCheckpoint}: they survive failed
 * tasks, not a lost executor).
 */
final class TrainingData implements AutoCloseable {
    final JavaRDD<Block> blocks;
    final int rows;
    final int width;
    private final List<Block.Summary> summaries;

    TrainingData(JavaRDD<Sample> samples) {
        blocks = samples.zipWithIndex().mapPartitionsWithIndex(TrainingData::block, true);
        // Checkpointed, so that a step's tasks do not carry the samples' lineage: a parallelized
        // collection's partitions hold their data, which each task would ship again.
        if (samples.context().getCheckpointDir().isDefined()) {
            blocks.persist(StorageLevel.MEMORY_AND_DISK());
            blocks.checkpoint();
        } else {
            blocks.rdd().localCheckpoint();
        }
        try {
            summaries = blocks.map(Block::summary).collect();
            rows = checkRows(summaries);
            width = summaries.stream()
                    .filter(s -> s.rows() > 0)
                    .findFirst()
                    .orElseThrow()
                    .width();
        } catch (RuntimeException e) {
            blocks.unpersist(false);
            throw e;
        }
    }

    private static int checkRows(List<Block.Summary> summaries) {
        long total = 0;
        int w = -1;
        Block.Summary widthFrom = null;
        for (Block.Summary s : summaries) {
            if (s.problem() != null) {
                throw fail(s.problem());
            }
            total += s.rows();
            if (s.rows() > 0 && w < 0) {
                w = s.width();
                widthFrom = s;
            } else if (s.rows() > 0 && s.width() != w) {
                throw fail("partition " + s.partition() + " has features of width " + s.width() + ", partition "
                        + widthFrom.partition() + " of width " + w);
            }
        }
        if (total == 0) {
            throw fail("the dataset has no rows");
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw fail("the dataset has " + total + " rows; at most " + (Integer.MAX_VALUE - 8) + " are supported");
        }
        return (int) total;
    }

    private static Iterator<Block> block(int partition, Iterator<Tuple2<Sample, Long>> samples) {
        return List.of(Block.of(partition, samples)).iterator();
    }

    /**
     * Checks that the model takes the features and that every label is one of its outputs.
     *
     * @return the number of classes
     */
    int checkModel(Module model) {
        Tensor out;
        boolean training = model.isTraining();
        try (Scope noGrad = GradMode.noGrad()) {
            model.eval();
            out = model.forward(Tensor.zeros(1, width));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "SparkTrainer.fit: the model does not take features of width " + width + ": " + e.getMessage(), e);
        } finally {
            model.train(training);
        }
        if (out.dim() != 2 || out.size(0) != 1) {
            throw fail("the model maps features [1, " + width + "] to " + Arrays.toString(out.shape())
                    + "; expected one row of class scores");
        }
        int classes = out.size(1);
        for (Block.Summary s : summaries) {
            if (s.rows() > 0 && s.minLabel() < 0) {
                throw fail(labelOutOfRange(s.partition(), s.minLabelRow(), s.minLabel(), classes));
            }
            if (s.rows() > 0 && s.maxLabel() >= classes) {
                throw fail(labelOutOfRange(s.partition(), s.maxLabelRow(), s.maxLabel(), classes));
            }
        }
        return classes;
    }

    private static String labelOutOfRange(int partition, long row, int label, int classes) {
        return "partition " + partition + ", row " + row + ": label " + label + " is not a class of a model with "
                + classes + " outputs (labels must be in [0, " + classes + "))";
    }

    private static IllegalArgumentException fail(String message) {
        return new IllegalArgumentException("SparkTrainer.fit: " + message);
    }

    @Override
    public void close() {
        blocks.unpersist(false);
    }
}
