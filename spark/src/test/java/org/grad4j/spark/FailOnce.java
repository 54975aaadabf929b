package org.grad4j.spark;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.TaskContext;
import org.grad4j.nn.Module;
import org.grad4j.tensor.Tensor;

/**
 * A module that throws in the first attempt of one task (partition 1 of the sixth job's stage) and
 * otherwise passes its input to the wrapped model. Local mode runs tasks in this JVM, so one static
 * flag sees every attempt.
 */
final class FailOnce extends Module {
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private final Module inner;

    private FailOnce(Module inner) {
        this.inner = registerModule("inner", inner);
    }

    static Module wrap(Module inner) {
        return new FailOnce(inner);
    }

    static void reset() {
        FAILED.set(false);
        ARMED.set(true);
    }

    static boolean failed() {
        return FAILED.get();
    }

    @Override
    public Tensor forward(Tensor input) {
        TaskContext task = TaskContext.get();
        if (task != null
                && ARMED.get()
                && task.partitionId() == 1
                && task.stageId() >= 6
                && task.attemptNumber() == 0
                && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("failure injected into stage " + task.stageId());
        }
        return inner.forward(input);
    }
}
