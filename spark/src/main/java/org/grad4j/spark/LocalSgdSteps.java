package org.grad4j.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.grad4j.nn.Module;
import org.grad4j.optim.Optimizer;

/**
 * Local SGD: per round of {@code k} global batches, broadcast the model's and the optimizer's state,
 * let each partition step on its own shares of those batches, and average what they end with.
 */
final class LocalSgdSteps implements Steps {
    private final JavaSparkContext sc;
    private final RunSpec spec;
    private final TrainingData data;
    private final Module model;
    private final Optimizer optimizer;
    private final int k;
    private final int depth;

    LocalSgdSteps(
            JavaSparkContext sc, RunSpec spec, TrainingData data, Module model, Optimizer optimizer, int k, int depth) {
        this.sc = sc;
        this.spec = spec;
        this.data = data;
        this.model = model;
        this.optimizer = optimizer;
        this.k = k;
        this.depth = depth;
    }

    @Override
    public Totals epoch(Broadcast<int[]> batchOf, int batches) {
        double lossSum = 0;
        long samples = 0;
        long computeNanos = 0;
        for (int first = 0; first < batches; first += k) {
            OptimizerSnapshot before = OptimizerSnapshot.of(optimizer.stateDict());
            Broadcast<ModelState> state = sc.broadcast(ModelState.of(model));
            Broadcast<OptimizerSnapshot> optimizerState = sc.broadcast(before);
            LocalSum sum;
            try {
                LocalSgdTask task =
                        new LocalSgdTask(spec, state, optimizerState, batchOf, first, Math.min(first + k, batches));
                sum = data.blocks.treeAggregate(new LocalSum(), task, LocalSum::add, depth);
            } finally {
                state.destroy();
                optimizerState.destroy();
            }
            long start = System.nanoTime();
            average(sum, before);
            computeNanos += sum.computeNanos + System.nanoTime() - start;
            lossSum += sum.lossSum;
            samples += sum.rows;
        }
        return new Totals(lossSum, samples, computeNanos);
    }

    private void average(LocalSum sum, OptimizerSnapshot before) {
        float[] values = new float[sum.model.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (sum.model[i] / sum.rows);
        }
        ModelState.of(values).loadInto(model);
        boolean[] steps = sum.layout.stepCounts();
        float[] state = new float[sum.optimizer.length];
        for (int i = 0; i < state.length; i++) {
            state[i] = (float) (steps[i] ? sum.optimizer[i] : sum.optimizer[i] / sum.rows);
        }
        optimizer.loadStateDict(
                new OptimizerSnapshot(sum.layout.keys(), sum.layout.shapes(), state, before.options()).toState());
    }
}
