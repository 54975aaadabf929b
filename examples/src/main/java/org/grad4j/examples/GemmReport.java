package org.grad4j.examples;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.grad4j.backend.Backend;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A quick GEMM throughput report: {@code Tensor.matmul} and the backend's raw {@code gemm} for
 * square n × n matrices on every available backend, as GFLOPS (2n³ per product), measured in one
 * run. Options: {@code --sizes 256,512,1024 --seconds 1}.
 */
@Command(name = "gemm", description = "GEMM GFLOPS of Tensor.matmul and the raw kernel on each backend.")
public final class GemmReport implements Callable<Integer> {
    @Option(
            names = "--sizes",
            paramLabel = "N",
            split = ",",
            converter = Ranges.PositiveInt.class,
            defaultValue = "64,256,512,1024",
            description = "matrix sizes (default: ${DEFAULT-VALUE})")
    List<Integer> sizes;

    @Option(
            names = "--seconds",
            paramLabel = "X",
            converter = Ranges.PositiveReal.class,
            description = "measuring time per figure (default: ${DEFAULT-VALUE})")
    double seconds = 1;

    @Override
    public Integer call() {
        System.out.println("| backend | threads | n | Tensor.matmul GFLOPS | backend.gemm GFLOPS |");
        System.out.println("|---|---|---|---|---|");
        for (Backend backend : Backend.available()) {
            for (int n : sizes) {
                Tensor a = Tensor.rand(new Generator(1), n, n);
                Tensor b = Tensor.rand(new Generator(2), n, n);
                float[] aValues = a.toArray();
                float[] bValues = b.toArray();
                float[] c = new float[n * n];
                double matmul;
                try (Scope ignored = Backend.use(backend)) {
                    matmul = millis(() -> a.matmul(b), seconds);
                }
                double raw = millis(
                        () -> backend.gemm(false, false, n, n, n, 1f, aValues, 0, n, bValues, 0, n, 0f, c, 0, n),
                        seconds);
                double flops = 2.0 * n * n * n / 1e6;
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %d | %d | %.1f | %.1f |%n",
                        backend.name(),
                        backend.threads(),
                        n,
                        flops / matmul,
                        flops / raw);
            }
        }
        return 0;
    }

    /** Milliseconds per call after a warm-up, measured for about {@code seconds}. */
    static double millis(Runnable call, double seconds) {
        long warm = System.nanoTime();
        while (System.nanoTime() - warm < seconds * 0.3e9) {
            call.run();
        }
        long start = System.nanoTime();
        int calls = 0;
        while (System.nanoTime() - start < seconds * 1e9 || calls < 3) {
            call.run();
            calls++;
        }
        return (System.nanoTime() - start) / 1e6 / calls;
    }
}
