package org.grad4j.benchmarks;

import static org.grad4j.benchmarks.Report.num;
import static org.grad4j.benchmarks.Report.ratio;

import java.util.List;
import java.util.Map;

/** The report's sections, in the order they are printed. */
final class Sections {
    private static final String[] SIZES = {"64", "128", "256", "512", "1024", "2048"};

    private Sections() {}

    static List<Section> all() {
        return List.of(
                new Section(
                        "gemm",
                        "GEMM: n × n · n × n (GFLOPS)",
                        "GemmBench",
                        Map.of(
                                "backend",
                                new String[] {"openblas", "native", "java"},
                                "n",
                                SIZES,
                                "layout",
                                new String[] {"NN"}),
                        Sections::gemm),
                new Section(
                        "gemm-transposed",
                        "GEMM with transposed operands, as backward runs them (GFLOPS)",
                        "GemmBench",
                        Map.of(
                                "backend",
                                new String[] {"openblas", "native", "java"},
                                "n",
                                new String[] {"256", "1024"},
                                "layout",
                                new String[] {"NT", "TN"}),
                        Sections::gemm),
                new Section(
                        "conv",
                        "Conv2d 3×3, padding 1: batch×in→out@size (ms per call)",
                        "Conv2dBench",
                        Map.of(),
                        Sections::conv),
                new Section(
                        "elementwise",
                        "Element-wise ops (µs per call; size 1 is the fixed cost of a call)",
                        "ElementwiseBench",
                        Map.of(),
                        Sections::elementwise),
                new Section(
                        "train",
                        "Training steps: forward, cross-entropy, backward, Adam (ms per step)",
                        "TrainStepBench",
                        LibtorchTrainStep.available()
                                ? Map.of("backend", new String[] {"native", "java", "libtorch"})
                                : Map.of(),
                        Sections::train));
    }

    private static String gemm(Results r) {
        StringBuilder t = new StringBuilder(
                "| n | layout | OpenBLAS | native matmul | native out= | Java matmul "
                        + "| native ÷ OpenBLAS | native out= ÷ OpenBLAS | Java ÷ native |\n|---|---|---|---|---|---|---|---|---|\n");
        for (String layout : new String[] {"NN", "NT", "TN"}) {
            for (String n : SIZES) {
                double flops = 2.0 * Math.pow(Double.parseDouble(n), 3) / 1e3;
                double blas = flops / r.score("matmul", "backend", "openblas", "n", n, "layout", layout);
                if (Double.isNaN(blas)) {
                    continue;
                }
                double nat = flops / r.score("matmul", "backend", "native", "n", n, "layout", layout);
                double natOut = flops / r.score("matmulOut", "backend", "native", "n", n, "layout", layout);
                double java = flops / r.score("matmul", "backend", "java", "n", n, "layout", layout);
                t.append(String.join(
                                " | ",
                                "| " + n,
                                layout,
                                num(blas),
                                num(nat),
                                num(natOut),
                                num(java),
                                ratio(nat, blas),
                                ratio(natOut, blas),
                                ratio(java, nat)))
                        .append(" |\n");
            }
        }
        return t.toString();
    }

    /** With each pass's share of the FMA peak on as many threads ({@link FmaPeak}). */
    private static String conv(Results r) {
        double peak = FmaPeak.gflops();
        StringBuilder t = new StringBuilder(
                "| layer | pass | native ms | native GFLOPS | native ÷ FMA peak | Java ms | Java ÷ native |\n"
                        + "|---|---|---|---|---|---|---|\n");
        for (String shape : new String[] {"64x1-32@28", "64x32-64@14", "32x64-64@56"}) {
            for (String pass : new String[] {"forward", "backwardData", "backwardWeight"}) {
                double nat = r.score(pass, "backend", "native", "shape", shape);
                double java = r.score(pass, "backend", "java", "shape", shape);
                double gflops = Conv2dBench.flops(shape) / nat / 1e6;
                t.append(String.join(
                                " | ",
                                "| " + shape,
                                pass,
                                num(nat),
                                num(gflops),
                                ratio(gflops, peak),
                                num(java),
                                ratio(java, nat)))
                        .append(" |\n");
            }
        }
        t.append("| FMA chains (`FmaPeak`) | peak | – | ").append(num(peak)).append(" | 1.00 | – | – |\n");
        return t.toString();
    }

    /** With libtorch's columns when the benchmarks were built with -Plibtorch ("–" otherwise). */
    private static String train(Results r) {
        StringBuilder t =
                new StringBuilder("| model | batch | native ms | native compiled ms | Java ms | Java compiled ms"
                        + " | libtorch ms | compiled ÷ eager (native) | compiled ÷ eager (Java) | libtorch ÷ native |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (String model : new String[] {"mlp", "cnn"}) {
            double nat = r.score("step", "backend", "native", "model", model, "mode", "eager");
            double natCompiled = r.score("step", "backend", "native", "model", model, "mode", "compiled");
            double java = r.score("step", "backend", "java", "model", model, "mode", "eager");
            double javaCompiled = r.score("step", "backend", "java", "model", model, "mode", "compiled");
            double torch = r.score("step", "backend", "libtorch", "model", model, "mode", "eager");
            t.append(String.join(
                            " | ",
                            "| " + model,
                            String.valueOf(TrainStepBench.batch(model)),
                            num(nat),
                            num(natCompiled),
                            num(java),
                            num(javaCompiled),
                            num(torch),
                            ratio(natCompiled, nat),
                            ratio(javaCompiled, java),
                            ratio(torch, nat)))
                    .append(" |\n");
        }
        return t.toString();
    }

    private static String elementwise(Results r) {
        StringBuilder t =
                new StringBuilder("| op | elements | native µs | Java µs | Java ÷ native |\n|---|---|---|---|---|\n");
        for (String op :
                new String[] {"add", "addBroadcastRow", "exp", "relu", "sigmoidBackwardUnfused", "sigmoidBackwardFused"
                }) {
            for (String size : new String[] {"1", "4096", "1048576"}) {
                double nat = r.score(op, "backend", "native", "size", size);
                double java = r.score(op, "backend", "java", "size", size);
                t.append(String.join(" | ", "| " + op, size, num(nat), num(java), ratio(java, nat)))
                        .append(" |\n");
            }
        }
        t.append("\n| sigmoid backward, fused ÷ four kernels | elements | native | Java |\n|---|---|---|---|\n");
        for (String size : new String[] {"4096", "1048576"}) {
            t.append(String.join(
                            " | ",
                            "| g·σ(x)·(1 − σ(x))",
                            size,
                            ratio(
                                    r.score("sigmoidBackwardFused", "backend", "native", "size", size),
                                    r.score("sigmoidBackwardUnfused", "backend", "native", "size", size)),
                            ratio(
                                    r.score("sigmoidBackwardFused", "backend", "java", "size", size),
                                    r.score("sigmoidBackwardUnfused", "backend", "java", "size", size))))
                    .append(" |\n");
        }
        return t.toString();
    }
}
