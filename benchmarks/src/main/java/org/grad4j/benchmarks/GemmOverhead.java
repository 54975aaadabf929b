package org.grad4j.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.presets.openblas_nolapack;
import org.grad4j.backend.Backend;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * What {@code Tensor.matmul} costs beyond {@code cblas_sgemm} called directly, with the machine's
 * drift taken out: both run in one JVM, in alternating phases, and each ratio is the median of
 * the per-round ratios. The direct call runs on the same threads as the native backend (OpenBLAS's
 * threaded jobs run on the library's pool once it is loaded), so what remains is the binding:
 * validation, JNI and, for {@code matmul}, the fresh result the JVM allocates and zeroes, whose
 * cost alone (a {@code new float[n * n]}) is the last column. "matmul, closed" closes each result,
 * so that the next one reuses its memory, still in the cache, as PyTorch's allocator does once a
 * result's last reference is dropped.
 * {@code java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar
 * org.grad4j.benchmarks.GemmOverhead [--sizes 64,256,1024] [--rounds 15] [--table]} (the heap the
 * JMH benchmarks get, so that page faults of fresh memory are not timed); {@code --table} prints the
 * table without the machine line, as {@link Report} quotes it.
 */
public final class GemmOverhead {
    private static Object sink;

    private GemmOverhead() {}

    public static void main(String[] args) {
        ProgramArguments a =
                new ProgramArguments("GemmOverhead", args, Map.of("--sizes", "64,256,1024", "--rounds", "15"));
        int[] sizes = Arrays.stream(a.text("--sizes").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int rounds = a.integer("--rounds");
        Backend nativeBackend = Backends.named("native");
        if (!a.tableOnly()) {
            System.out.println(Machine.describe());
            System.out.println();
        }
        System.out.println("| n | matmul µs | matmul, closed µs | matmul(b, out) µs | cblas_sgemm µs "
                + "| direct ÷ matmul | direct ÷ matmul, closed | direct ÷ matmul(b, out) | new float[n · n] µs |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        try (Scope ignored = Backend.use(nativeBackend)) {
            for (int n : sizes) {
                System.out.println(row(n, rounds, nativeBackend.threads()));
            }
        }
    }

    private static String row(int n, int rounds, int threads) {
        Tensor a = Tensor.rand(new Generator(1), n, n);
        Tensor b = Tensor.rand(new Generator(2), n, n);
        Tensor out = Tensor.zeros(n, n);
        try (FloatPointer pa = new FloatPointer(a.toArray());
                FloatPointer pb = new FloatPointer(b.toArray());
                FloatPointer pc = new FloatPointer((long) n * n)) {
            Runnable[] phases = {
                () -> sink = a.matmul(b),
                GemmOverhead.closing(() -> a.matmul(b)),
                () -> sink = a.matmul(b, out),
                () -> OpenBlas.gemm(false, false, n, n, n, pa, pb, pc),
                () -> sink = new float[n * n]
            };
            int direct = 3;
            int calls = (int) Math.max(20, 4e9 / (2.0 * n * n * n));
            double[][] micros = new double[phases.length][rounds];
            for (int round = -2; round < rounds; round++) {
                for (int p = 0; p < phases.length; p++) {
                    double us = micros(phases[p], calls, p == direct ? threads : 1);
                    if (round >= 0) {
                        micros[p][round] = us;
                    }
                }
            }
            StringBuilder row = new StringBuilder("| " + n);
            for (int p = 0; p <= direct; p++) {
                row.append(String.format(Locale.ROOT, " | %.1f", median(micros[p])));
            }
            for (int p = 0; p < direct; p++) {
                double[] ratios = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratios[r] = micros[direct][r] / micros[p][r];
                }
                row.append(String.format(Locale.ROOT, " | %.2f", median(ratios)));
            }
            return row.append(String.format(Locale.ROOT, " | %.1f |", median(micros[direct + 1])))
                    .toString();
        }
    }

    /** A phase that makes a result and closes it, so that the next call reuses its memory. */
    private static Runnable closing(Supplier<Tensor> result) {
        return () -> {
            try (Tensor t = result.get()) {
                sink = t;
            }
        };
    }

    /**
     * Mean µs per call, with OpenBLAS set to {@code blasThreads} for the phase: the library keeps
     * it on one thread outside its own threaded calls, and the direct call gets the pool's count.
     */
    private static double micros(Runnable phase, int calls, int blasThreads) {
        openblas_nolapack.blas_set_num_threads(blasThreads);
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            phase.run();
        }
        double us = (System.nanoTime() - start) / 1e3 / calls;
        openblas_nolapack.blas_set_num_threads(1);
        return us;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
