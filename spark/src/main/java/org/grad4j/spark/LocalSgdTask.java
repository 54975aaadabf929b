package org.grad4j.spark;

import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/** A local-SGD round's work on one partition: its local steps on its shares of the round's batches. */
record LocalSgdTask(
        RunSpec spec,
        Broadcast<ModelState> state,
        Broadcast<OptimizerSnapshot> optimizer,
        Broadcast<int[]> batchOf,
        int firstBatch,
        int endBatch)
        implements Function2<LocalSum, Block, LocalSum> {
    @Override
    public LocalSum call(LocalSum sum, Block block) {
        return sum.add(Replica.of(spec)
                .localSteps(state.value(), optimizer.value(), block, batchOf.value(), firstBatch, endBatch));
    }
}
