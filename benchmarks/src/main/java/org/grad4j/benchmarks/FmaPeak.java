package org.grad4j.benchmarks;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The machine's FP32 peak: fused multiply-adds on the widest vectors the JVM uses here (512 bits
 * on AVX-512, 256 on AVX2), twelve independent accumulators so that no FMA waits for another, on
 * as many threads as the native backend's pool has ({@code Threads.MAX}: every core). The report
 * divides the convolutions' GFLOPS by it. {@link #FLOPS_PER_CALL} floating-point operations a call.
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = {BenchmarkJvm.HEAP_MIN, BenchmarkJvm.HEAP_MAX, BenchmarkJvm.PRE_TOUCH, BenchmarkJvm.VECTOR_API})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(Threads.MAX)
public class FmaPeak {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int ACCUMULATORS = 12;
    /** Lanes each accumulator goes through per call, whatever the vector width (16, 8 or 4 lanes). */
    private static final int LANES = 160_000;

    private static final int ROUNDS = LANES / SPECIES.length();

    /**
     * Two operations (a multiply and an add) per lane, per accumulator: a constant, so that the
     * report's JVM, which lacks the Vector API, reads it without loading this class.
     */
    static final double FLOPS_PER_CALL = 2.0 * ACCUMULATORS * LANES;

    private final FloatVector a = FloatVector.broadcast(SPECIES, 0.999999f);
    private final FloatVector b = FloatVector.broadcast(SPECIES, 1e-7f);

    @Benchmark
    public float fma() {
        FloatVector x = a;
        FloatVector y = b;
        FloatVector c0 = y;
        FloatVector c1 = y;
        FloatVector c2 = y;
        FloatVector c3 = y;
        FloatVector c4 = y;
        FloatVector c5 = y;
        FloatVector c6 = y;
        FloatVector c7 = y;
        FloatVector c8 = y;
        FloatVector c9 = y;
        FloatVector c10 = y;
        FloatVector c11 = y;
        for (int i = 0; i < ROUNDS; i++) {
            c0 = c0.fma(x, y);
            c1 = c1.fma(x, y);
            c2 = c2.fma(x, y);
            c3 = c3.fma(x, y);
            c4 = c4.fma(x, y);
            c5 = c5.fma(x, y);
            c6 = c6.fma(x, y);
            c7 = c7.fma(x, y);
            c8 = c8.fma(x, y);
            c9 = c9.fma(x, y);
            c10 = c10.fma(x, y);
            c11 = c11.fma(x, y);
        }
        return c0.add(c1)
                .add(c2)
                .add(c3)
                .add(c4)
                .add(c5)
                .add(c6)
                .add(c7)
                .add(c8)
                .add(c9)
                .add(c10)
                .add(c11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
