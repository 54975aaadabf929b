package org.grad4j.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.bytedeco.javacpp.FloatPointer;
import org.grad4j.backend.Backend;
import org.grad4j.jni.global.g4kernels;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * What {@code Tensor.matmul} costs beyond a GEMM called directly on off-heap memory, with the
 * machine's drift taken out: both run in one JVM, in alternating phases, and each ratio is the
 * median of the per-round ratios. The reference is the native library's GEMM ({@code g4_f32_gemm}:
 * the same kernel on the same pool, so what remains is the binding: validation, JNI and, for
 * {@code matmul}, the fresh result the JVM allocates and zeroes) or, with {@code --reference
 * openblas}, {@code cblas_sgemm} on OpenBLAS's own threads (as many as the pool has), with whatever
 * kernels {@code OPENBLAS_CORETYPE} selects ({@code -Dgrad4j.isa=avx2} runs the library as on a
 * CPU without AVX-512). The cost of a fresh result alone (a {@code new float[n * n]}) is the last
 * column.
 * "matmul, closed" closes each result, so that the next one reuses its memory, still in the cache,
 * as PyTorch's allocator does once a result's last reference is dropped.
 * {@code java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar
 * org.grad4j.benchmarks.GemmOverhead [--sizes 64,256,1024] [--rounds 15] [--reference g4|openblas]
 * [--table]} (the heap the JMH benchmarks get, so that page faults of fresh memory are not timed);
 * {@code --table} prints the table without the machine line, as {@link Report} quotes it.
 */
public final class GemmOverhead {
    private static Object sink;

    private GemmOverhead() {}

    public static void main(String[] args) {
        ProgramArguments a = new ProgramArguments(
                "GemmOverhead", args, Map.of("--sizes", "64,256,1024", "--rounds", "15", "--reference", "g4"));
        int[] sizes = Arrays.stream(a.text("--sizes").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int rounds = a.integer("--rounds");
        boolean openBlas = switch (a.text("--reference")) {
            case "g4" -> false;
            case "openblas" -> true;
            default ->
                throw new IllegalArgumentException(
                        "GemmOverhead: --reference is g4 or openblas, not '" + a.text("--reference") + "'");
        };
        Backend nativeBackend = Backends.named("native");
        if (!a.tableOnly()) {
            System.out.println(Machine.describe());
            System.out.println();
        }
        String reference = openBlas ? "cblas_sgemm" : "g4_f32_gemm";
        String ratio = openBlas ? "OpenBLAS ÷ " : "direct ÷ ";
        System.out.println("| n | matmul µs | matmul, closed µs | matmul(b, out) µs | " + reference + " µs | " + ratio
                + "matmul | " + ratio + "matmul, closed | " + ratio + "matmul(b, out) | new float[n · n] µs |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        try (Scope ignored = Backend.use(nativeBackend)) {
            for (int n : sizes) {
                System.out.println(row(n, rounds, openBlas));
            }
        }
    }

    private static String row(int n, int rounds, boolean openBlas) {
        Tensor a = Tensor.rand(new Generator(1), n, n);
        Tensor b = Tensor.rand(new Generator(2), n, n);
        Tensor out = Tensor.zeros(n, n);
        long workspace = Math.max(1, g4kernels.g4_f32_gemm_workspace_size(n, n, n));
        try (FloatPointer pa = new FloatPointer(a.toArray());
                FloatPointer pb = new FloatPointer(b.toArray());
                FloatPointer pc = new FloatPointer((long) n * n);
                FloatPointer pw = new FloatPointer(workspace)) {
            Runnable[] phases = {
                () -> sink = a.matmul(b),
                GemmOverhead.closing(() -> a.matmul(b)),
                () -> sink = a.matmul(b, out),
                openBlas
                        ? () -> {
                            OpenBlas.useConfiguredThreads();
                            OpenBlas.gemm(false, false, n, n, n, pa, pb, pc);
                        }
                        : () -> g4kernels.g4_f32_gemm(
                                0, 0, n, n, n, 1f, pa, 0, n, pb, 0, n, 0f, pc, 0, n, pw, workspace),
                () -> sink = new float[n * n]
            };
            int direct = 3;
            int calls = (int) Math.max(20, 4e9 / (2.0 * n * n * n));
            double[][] micros = new double[phases.length][rounds];
            for (int round = -2; round < rounds; round++) {
                for (int p = 0; p < phases.length; p++) {
                    double us = micros(phases[p], calls);
                    if (round >= 0) {
                        micros[p][round] = us;
                    }
                    if (openBlas && p == direct) {
                        letOpenBlasThreadsSleep();
                    }
                }
            }
            StringBuilder row = new StringBuilder("| " + n);
            for (int p = 0; p <= direct; p++) {
                row.append(String.format(Locale.ROOT, " | %.1f", Median.of(micros[p])));
            }
            for (int p = 0; p < direct; p++) {
                double[] ratios = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratios[r] = micros[direct][r] / micros[p][r];
                }
                row.append(String.format(Locale.ROOT, " | %.2f", Median.of(ratios)));
            }
            return row.append(String.format(Locale.ROOT, " | %.1f |", Median.of(micros[direct + 1])))
                    .toString();
        }
    }

    /**
     * Waits, untimed, while OpenBLAS's idle threads spin (2^28 processor cycles after their last job,
     * OpenBLAS's default THREAD_TIMEOUT) and then go to sleep, so that they do not take cores from
     * the next phase.
     */
    private static void letOpenBlasThreadsSleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GemmOverhead: interrupted", e);
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

    /** Mean µs per call. */
    private static double micros(Runnable phase, int calls) {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            phase.run();
        }
        return (System.nanoTime() - start) / 1e3 / calls;
    }
}
