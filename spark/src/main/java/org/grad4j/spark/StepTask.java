package org.grad4j.spark;

import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/** A synchronous step's work on one partition: the gradient sum of its share of the global batch. */
record StepTask(RunSpec spec, Broadcast<ModelState> state, Broadcast<int[]> batchOf, int batch)
        implements Function2<GradientSum, Block, GradientSum> {
    @Override
    public GradientSum call(GradientSum sum, Block block) {
        return sum.add(Replica.of(spec).gradient(state.value(), block, batchOf.value(), batch));
    }
}
