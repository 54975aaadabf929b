package org.grad4j.spark;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.grad4j.nn.Module;
import org.grad4j.nn.Parameter;
import org.grad4j.nn.loss.Reduction;
import org.grad4j.optim.Optimizer;
import org.grad4j.tensor.Tensor;

/**
 * Synchronous steps: per global batch, broadcast the state, sum the partitions' gradients with
 * {@code treeAggregate}, and step the driver's optimizer with their mean.
 */
final class SyncSteps implements Steps {
    private final JavaSparkContext sc;
    private final RunSpec spec;
    private final TrainingData data;
    private final Module model;
    private final List<Parameter> parameters;
    private final Optimizer optimizer;
    private final Reduction reduction;
    private final int depth;

    SyncSteps(
            JavaSparkContext sc,
            RunSpec spec,
            TrainingData data,
            Module model,
            Optimizer optimizer,
            Reduction reduction,
            int depth) {
        this.sc = sc;
        this.spec = spec;
        this.data = data;
        this.model = model;
        this.parameters = model.parameters();
        this.optimizer = optimizer;
        this.reduction = reduction;
        this.depth = depth;
    }

    @Override
    public Totals epoch(Broadcast<int[]> batchOf, int batches) {
        double lossSum = 0;
        long samples = 0;
        long computeNanos = 0;
        for (int b = 0; b < batches; b++) {
            Broadcast<ModelState> state = sc.broadcast(ModelState.of(model));
            GradientSum sum;
            try {
                sum = data.blocks.treeAggregate(
                        new GradientSum(), new StepTask(spec, state, batchOf, b), GradientSum::add, depth);
            } finally {
                state.destroy();
            }
            long start = System.nanoTime();
            step(sum);
            computeNanos += sum.computeNanos + System.nanoTime() - start;
            lossSum += sum.lossSum;
            samples += sum.rows;
        }
        return new Totals(lossSum, samples, computeNanos);
    }

    private void step(GradientSum sum) {
        double divisor = reduction == Reduction.MEAN ? sum.rows : 1;
        int at = 0;
        for (Parameter p : parameters) {
            float[] g = new float[p.numel()];
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) (sum.gradient(at + i) / divisor);
            }
            p.setGrad(Tensor.of(g, p.shape()));
            at += g.length;
        }
        optimizer.step();
        ModelState.loadBuffers(model, sum.buffers, sum.rows);
    }
}
