package org.grad4j.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the process holds at one step: heap in use right after a full GC, resident set size,
 * JVM threads, operating-system threads (which include native BLAS threads) and open file
 * descriptors. The last three come from {@code /proc/self} and are -1 where it does not exist.
 */
record ResourceSample(int step, long heapBytes, long rssBytes, int jvmThreads, int osThreads, int openFiles) {
    private static final Path PROC = Path.of("/proc/self");

    static boolean procAvailable() {
        return Files.isReadable(PROC.resolve("status"));
    }

    static ResourceSample take(int step) {
        ManagementFactory.getMemoryMXBean().gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        int jvmThreads = ManagementFactory.getThreadMXBean().getThreadCount();
        if (!procAvailable()) {
            return new ResourceSample(step, heap, -1, jvmThreads, -1, -1);
        }
        return new ResourceSample(
                step, heap, 1024 * statusField("VmRSS:"), jvmThreads, (int) statusField("Threads:"), countOpenFiles());
    }

    /** The most resident memory the process has had, in bytes, or -1 where /proc does not exist. */
    static long peakRssBytes() {
        return procAvailable() ? 1024 * statusField("VmHWM:") : -1;
    }

    /** A numeric field of /proc/self/status, e.g. "VmRSS:   123456 kB" gives 123456. */
    private static long statusField(String name) {
        try (Stream<String> lines = Files.lines(PROC.resolve("status"))) {
            String line = lines.filter(l -> l.startsWith(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("/proc/self/status has no " + name));
            return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Entries of /proc/self/fd, less the one this listing opens. */
    private static int countOpenFiles() {
        try (Stream<Path> fds = Files.list(PROC.resolve("fd"))) {
            return (int) fds.count() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
