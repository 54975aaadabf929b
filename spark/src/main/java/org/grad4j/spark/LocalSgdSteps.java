package org.grad4j.spark;

import org.apache.spark.broadcast.Broadcast;

/**
 * Local SGD: per round of {@code k} global batches, broadcast the model's and the optimizer's state,
 * let each partition step on its own shares of those batches, and average what they end with.
 */
final class LocalSgdSteps implements Steps {
    private final Run run;
    private final int k;

    LocalSgdSteps(Run run, int k) {
        this.run = run;
        this.k = k;
    }

    @Override
    public Totals epoch(Broadcast<int[]> batchOf, int batches) {
        double lossSum = 0;
        long samples = 0;
        long computeNanos = 0;
        for (int first = 0; first < batches; first += k) {
            OptimizerSnapshot before = OptimizerSnapshot.of(run.optimizer().stateDict());
            Broadcast<ModelState> state = run.sc().broadcast(ModelState.of(run.model()));
            Broadcast<OptimizerSnapshot> optimizerState = run.sc().broadcast(before);
            LocalSum sum;
            try {
                LocalSgdTask task = new LocalSgdTask(
                        run.spec(), state, optimizerState, batchOf, first, Math.min(first + k, batches));
                sum = run.data().blocks.treeAggregate(new LocalSum(), task, LocalSum::add, run.depth());
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
        float[] values = new float[sum.model.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (sum.model.get(i) / sum.rows);
        }
        ModelState.of(values).loadInto(run.model());
        boolean[] steps = sum.layout.stepCounts();
        float[] state = new float[sum.optimizer.length()];
        for (int i = 0; i < state.length; i++) {
            double mean = sum.optimizer.get(i) / sum.rows;
            state[i] = (float) (steps[i] ? Math.rint(mean) : mean);
        }
        run.optimizer()
                .loadStateDict(new OptimizerSnapshot(sum.layout.keys(), sum.layout.shapes(), state, before.options())
                        .toState());
    }
}
