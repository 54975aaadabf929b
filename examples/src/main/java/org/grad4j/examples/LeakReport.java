package org.grad4j.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The verdict on a {@link LeakCheck} run. Each figure is compared between the first and the last
 * quarter of the samples after warm-up, taking the lowest value in each: a leak raises the floor,
 * while a sample caught with a briefly larger G1 heap, a JIT compiler thread or the data loader's
 * prefetched batches raises only one point.
 */
final class LeakReport {
    private final ResourceSample beforeTraining;
    private final List<ResourceSample> early;
    private final List<ResourceSample> late;
    private final double maxGrowthPercent;
    private final List<String> failures = new ArrayList<>();

    LeakReport(ResourceSample beforeTraining, List<ResourceSample> samples, double maxGrowthPercent) {
        int window = Math.max(1, samples.size() / 4);
        this.beforeTraining = beforeTraining;
        this.early = samples.subList(0, window);
        this.late = samples.subList(samples.size() - window, samples.size());
        this.maxGrowthPercent = maxGrowthPercent;
        checkGrowth("heap after GC", heapGrowthPercent());
        if (beforeTraining.rssBytes() >= 0) {
            checkGrowth("RSS", rssGrowthPercent());
        }
        checkCount("JVM threads", ResourceSample::jvmThreads);
        checkCount("OS threads", ResourceSample::osThreads);
        checkCount("open file descriptors", ResourceSample::openFiles);
    }

    private static long floor(List<ResourceSample> window, ToLongFunction<ResourceSample> figure) {
        return window.stream().mapToLong(figure).min().orElseThrow();
    }

    private double growthPercent(ToLongFunction<ResourceSample> figure) {
        long before = floor(early, figure);
        return 100.0 * (floor(late, figure) - before) / before;
    }

    private void checkGrowth(String what, double percent) {
        if (percent > maxGrowthPercent) {
            failures.add(
                    String.format(Locale.ROOT, "%s grew %.2f %% (more than %.2f %%)", what, percent, maxGrowthPercent));
        }
    }

    private void checkCount(String what, ToLongFunction<ResourceSample> figure) {
        if (floor(late, figure) > floor(early, figure)) {
            failures.add(what + " grew from " + floor(early, figure) + " to " + floor(late, figure));
        }
    }

    double heapGrowthPercent() {
        return growthPercent(ResourceSample::heapBytes);
    }

    /** NaN where RSS is not measured. */
    double rssGrowthPercent() {
        return beforeTraining.rssBytes() < 0 ? Double.NaN : growthPercent(ResourceSample::rssBytes);
    }

    boolean passed() {
        return failures.isEmpty();
    }

    List<String> failures() {
        return failures;
    }

    void print(PrintStream out) {
        out.printf(
                Locale.ROOT,
                "lowest of steps %d-%d (after warm-up) vs lowest of steps %d-%d (the end):%n",
                early.get(0).step(),
                early.get(early.size() - 1).step(),
                late.get(0).step(),
                late.get(late.size() - 1).step());
        out.printf(
                Locale.ROOT,
                "  heap after GC: %.1f MB -> %.1f MB: %+.2f %%%n",
                floor(early, ResourceSample::heapBytes) / 1e6,
                floor(late, ResourceSample::heapBytes) / 1e6,
                heapGrowthPercent());
        if (beforeTraining.rssBytes() >= 0) {
            out.printf(
                    Locale.ROOT,
                    "  RSS: %.1f MB -> %.1f MB: %+.2f %%%n",
                    floor(early, ResourceSample::rssBytes) / 1e6,
                    floor(late, ResourceSample::rssBytes) / 1e6,
                    rssGrowthPercent());
        }
        printCount(out, "JVM threads", ResourceSample::jvmThreads);
        if (beforeTraining.osThreads() >= 0) {
            printCount(out, "OS threads", ResourceSample::osThreads);
            printCount(out, "open file descriptors", ResourceSample::openFiles);
        }
        out.println(
                passed()
                        ? String.format(
                                Locale.ROOT,
                                "leakcheck: PASS (heap and RSS within %.2f %%, no growth in threads or"
                                        + " open files)",
                                maxGrowthPercent)
                        : "leakcheck: FAIL: " + String.join("; ", failures));
    }

    private void printCount(PrintStream out, String what, ToLongFunction<ResourceSample> figure) {
        out.printf(
                Locale.ROOT,
                "  %s: %d before training, %d -> %d%n",
                what,
                figure.applyAsLong(beforeTraining),
                floor(early, figure),
                floor(late, figure));
    }
}
