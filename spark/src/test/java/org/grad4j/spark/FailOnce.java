package org.grad4j.spark;

import org.apache.spark.TaskContext;
import org.grad4j.nn.Module;
import org.grad4j.tensor.Tensor;

/**
 * A module that throws in the first attempt of partition 1's task in every fifth stage, and
 * otherwise passes its input to the wrapped model: each failing task succeeds when Spark retries
 * it. It keeps no state, so it fails the same way in the driver's JVM and in executors' JVMs.
 */
final class FailOnce extends Module {
    private final Module inner;

    private FailOnce(Module inner) {
        this.inner = registerModule("inner", inner);
    }

    static Module wrap(Module inner) {
        return new FailOnce(inner);
    }

    @Override
    public Tensor forward(Tensor input) {
        TaskContext task = TaskContext.get();
        if (task != null && task.partitionId() == 1 && task.attemptNumber() == 0 && task.stageId() % 5 == 4) {
            throw new IllegalStateException("failure injected into stage " + task.stageId());
        }
        return inner.forward(input);
    }
}
