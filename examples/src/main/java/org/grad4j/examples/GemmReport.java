package org.grad4j.examples;

import java.util.Locale;
import org.grad4j.backend.Backend;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * A quick GEMM throughput report: {@code Tensor.matmul} and the backend's raw {@code gemm} for
 * square n × n matrices on every available backend, as GFLOPS (2n³ per product), measured in one
 * run. Options: {@code --sizes 256,512,1024 --seconds 1}.
 */
public final class GemmReport {
    private GemmReport() {}

    public static void main(String[] args) {
        Options o = new Options("gemm", 0, 0, 0)
                .declare("sizes", "64,256,512,1024", "matrix sizes")
                .declare("seconds", "1", "measuring time per figure");
        if (!o.parse(args)) {
            return;
        }
        double seconds = o.number("seconds");
        System.out.println("| backend | threads | n | Tensor.matmul GFLOPS | backend.gemm GFLOPS |");
        System.out.println("|---|---|---|---|---|");
        for (Backend backend : Backend.available()) {
            for (String size : o.string("sizes").split(",")) {
                int n = Integer.parseInt(size.trim());
                Tensor a = Tensor.rand(1, n, n);
                Tensor b = Tensor.rand(2, n, n);
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
