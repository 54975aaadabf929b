package org.grad4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JVM options of every benchmark fork. The heap is fixed and pre-touched: a default heap grows
 * while a benchmark allocates results, and the page faults of its fresh memory would be timed as
 * the op's cost (docs/benchmarks.md). The Vector API lets the Java backend use
 * its vector GEMM kernel. A {@code -Dgrad4j.isa} given to the report's JVM is passed on, so that a
 * report run as on another CPU ({@code -Dgrad4j.isa=avx2}) runs every fork on those kernels.
 */
final class BenchmarkJvm {
    static final String HEAP_MIN = "-Xms2g";
    static final String HEAP_MAX = "-Xmx2g";
    static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";
    static final String VECTOR_API = "--add-modules=jdk.incubator.vector";

    private BenchmarkJvm() {}

    static String[] options() {
        List<String> options = new ArrayList<>(List.of(HEAP_MIN, HEAP_MAX, PRE_TOUCH, VECTOR_API));
        isa().ifPresent(options::add);
        return options.toArray(String[]::new);
    }

    /** {@code -Dgrad4j.isa=…} as this JVM was given it, if it was. */
    static Optional<String> isa() {
        return Optional.ofNullable(System.getProperty("grad4j.isa")).map(isa -> "-Dgrad4j.isa=" + isa);
    }
}
