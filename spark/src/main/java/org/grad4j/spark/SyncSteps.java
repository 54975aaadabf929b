package org.grad4j.spark;

import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.grad4j.nn.Parameter;
import org.grad4j.nn.loss.Reduction;
import org.grad4j.tensor.Tensor;

/**
 * Synchronous steps: per global batch, broadcast the state, sum the partitions' gradients with
 * {@code treeAggregate}, and step the driver's optimizer with their mean.
 */
final class SyncSteps implements Steps {
    private final Run run;
    private final List<Parameter> parameters;
    private final Reduction reduction;

    SyncSteps(Run run, Reduction reduction) {
        this.run = run;
        this.parameters = run.model().parameters();
        this.reduction = reduction;
    }

    @Override
    public Totals epoch(Broadcast<int[]> batchOf, int batches) {
        double lossSum = 0;
        long samples = 0;
        long computeNanos = 0;
        for (int b = 0; b < batches; b++) {
            Broadcast<ModelState> state = run.sc().broadcast(ModelState.of(run.model()));
            GradientSum sum;
            try {
                sum = run.data()
                        .blocks
                        .treeAggregate(
                                new GradientSum(),
                                new StepTask(run.spec(), state, batchOf, b),
                                GradientSum::add,
                                run.depth());
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
                g[i] = (float) (sum.gradients.get(at + i) / divisor);
            }
            p.setGrad(Tensor.of(g, p.shape()));
            at += g.length;
        }
        run.optimizer().step();
        ModelState.loadBuffers(run.model(), sum.buffers, sum.rows);
    }
}
