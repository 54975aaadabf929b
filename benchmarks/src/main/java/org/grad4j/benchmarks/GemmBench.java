package org.grad4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.grad4j.backend.Backend;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Square n × n {@code Tensor.matmul} per backend, and {@code cblas_sgemm} on off-heap memory as the
 * ceiling. {@code layout} NN is the forward product; NT (A·Bᵀ) and TN (Aᵀ·B) are the products the
 * backward pass runs, here on transposed views (no copy). {@code matmul} allocates its result as
 * users' code does; {@code matmulOut} writes into a preallocated tensor.
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = {BenchmarkJvm.HEAP_MIN, BenchmarkJvm.HEAP_MAX, BenchmarkJvm.PRE_TOUCH, BenchmarkJvm.VECTOR_API})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GemmBench {
    @Param({"native", "java", "openblas"})
    public String backend;

    @Param({"64", "128", "256", "512", "1024", "2048"})
    public int n;

    @Param({"NN", "NT", "TN"})
    public String layout;

    private Tensor a;
    private Tensor b;
    private Tensor out;
    private FloatPointer pa;
    private FloatPointer pb;
    private FloatPointer pc;
    private org.grad4j.tensor.Scope scope;

    @Setup
    public void setUp() {
        boolean transA = layout.charAt(0) == 'T';
        boolean transB = layout.charAt(1) == 'T';
        if (backend.equals("openblas")) {
            OpenBlas.useConfiguredThreads();
            pa = OpenBlas.random((long) n * n, 1);
            pb = OpenBlas.random((long) n * n, 2);
            pc = new FloatPointer((long) n * n);
            return;
        }
        scope = Backend.use(Backends.named(backend));
        a = Tensor.rand(new Generator(1), n, n);
        b = Tensor.rand(new Generator(2), n, n);
        a = transA ? a.t() : a;
        b = transB ? b.t() : b;
        out = Tensor.zeros(n, n);
    }

    @TearDown
    public void tearDown() {
        if (scope != null) {
            scope.close();
        }
        if (pa != null) {
            pa.close();
            pb.close();
            pc.close();
        }
    }

    @Benchmark
    public Object matmul() {
        if (pa != null) {
            OpenBlas.gemm(layout.charAt(0) == 'T', layout.charAt(1) == 'T', n, n, n, pa, pb, pc);
            return pc;
        }
        return a.matmul(b);
    }

    /** The product written into a preallocated tensor ({@code out=}): no fresh memory per call. */
    @Benchmark
    public Object matmulOut() {
        if (pa != null) {
            return matmul();
        }
        return a.matmul(b, out);
    }
}
