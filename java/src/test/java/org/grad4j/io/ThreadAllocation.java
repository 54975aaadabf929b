package org.grad4j.io;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/** Bytes the calling thread has allocated so far, for tests that bound what a reader allocates. */
public final class ThreadAllocation {
    private ThreadAllocation() {}

    public static long bytes() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
