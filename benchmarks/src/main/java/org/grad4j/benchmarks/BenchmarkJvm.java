package org.grad4j.benchmarks;

/**
 * The JVM options of every benchmark fork. The heap is fixed and pre-touched: a default heap grows
 * while a benchmark allocates results, and the page faults of its fresh memory would be timed as
 * the op's cost (docs/benchmarks.md). The Vector API lets the Java backend use
 * its vector GEMM kernel.
 */
final class BenchmarkJvm {
    static final String HEAP_MIN = "-Xms2g";
    static final String HEAP_MAX = "-Xmx2g";
    static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";
    static final String VECTOR_API = "--add-modules=jdk.incubator.vector";

    private BenchmarkJvm() {}

    static String[] options() {
        return new String[] {HEAP_MIN, HEAP_MAX, PRE_TOUCH, VECTOR_API};
    }
}
