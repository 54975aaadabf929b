package org.grad4j.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Counts the task attempts that failed, as Spark's listener bus reports them. */
final class FailedTasks extends SparkListener implements AutoCloseable {
    private final AtomicInteger count = new AtomicInteger();
    private final SparkContext sc;

    private FailedTasks(SparkContext sc) {
        this.sc = sc;
    }

    static FailedTasks listen(SparkContext sc) {
        FailedTasks listener = new FailedTasks(sc);
        sc.addSparkListener(listener);
        return listener;
    }

    @Override
    public void close() {
        sc.removeSparkListener(this);
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (!end.taskInfo().successful()) {
            count.incrementAndGet();
        }
    }

    /** The count once the bus has delivered at least one failure, waiting up to 10 s for it. */
    int awaitSome() throws InterruptedException {
        for (int i = 0; i < 200 && count.get() == 0; i++) {
            Thread.sleep(50);
        }
        return count.get();
    }
}
