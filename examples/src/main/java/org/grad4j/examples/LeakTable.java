package org.grad4j.examples;

import java.io.PrintStream;
import java.util.Locale;

/** Prints one line per {@link ResourceSample} under a header, with the time since the first line. */
final class LeakTable {
    private final PrintStream out;
    private long startNanos;

    LeakTable(PrintStream out) {
        this.out = out;
    }

    ResourceSample row(ResourceSample s, float loss) {
        if (startNanos == 0) {
            startNanos = System.nanoTime();
            out.printf(
                    Locale.ROOT,
                    "%8s %8s %12s %10s %12s %11s %10s %9s%n",
                    "step",
                    "loss",
                    "heap-GC MB",
                    "RSS MB",
                    "JVM threads",
                    "OS threads",
                    "open fds",
                    "seconds");
        }
        out.printf(
                Locale.ROOT,
                "%8d %8.4f %12.1f %10s %12d %11s %10s %9.1f%n",
                s.step(),
                loss,
                s.heapBytes() / 1e6,
                s.rssBytes() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", s.rssBytes() / 1e6),
                s.jvmThreads(),
                s.osThreads() < 0 ? "n/a" : s.osThreads(),
                s.openFiles() < 0 ? "n/a" : s.openFiles(),
                (System.nanoTime() - startNanos) / 1e9);
        return s;
    }
}
