package org.grad4j.examples;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.grad4j.autograd.GradMode;
import org.grad4j.onnx.OnnxModel;
import org.grad4j.onnx.OnnxType;
import org.grad4j.onnx.OnnxValueInfo;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs any ONNX model on random inputs of the shapes it declares (open dims as 1, integer inputs
 * as zeros) and prints its inputs, its outputs' shapes and the time per run.
 */
@Command(
        name = "onnx-run",
        description =
                "Runs an ONNX model on random inputs of its declared shapes; prints output shapes and time per run.")
public final class OnnxRun implements Callable<Integer> {
    @Option(
            names = "--model",
            paramLabel = "FILE",
            defaultValue = "out/onnx/mlp.onnx",
            description = "the .onnx file (default: ${DEFAULT-VALUE}, which the onnx example writes)")
    Path model;

    @Option(
            names = "--runs",
            defaultValue = "20",
            converter = Ranges.PositiveInt.class,
            description = "timed runs, after 3 untimed ones (default: ${DEFAULT-VALUE})")
    int runs;

    @Mixin
    final BackendOption backend = new BackendOption();

    @Override
    public Integer call() throws Exception {
        OnnxModel m = OnnxModel.load(model);
        System.out.println(m);
        Generator gen = new Generator(0);
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (OnnxValueInfo in : m.inputs()) {
            long[] declared = in.shape();
            int[] shape = declared == null
                    ? new int[0]
                    : Arrays.stream(declared).mapToInt(d -> d < 0 ? 1 : (int) d).toArray();
            inputs.put(in.name(), in.type() == OnnxType.FLOAT ? Tensor.randn(gen, shape) : Tensor.zeros(shape));
            System.out.printf("input %s: %s %s%n", in.name(), in.type(), Arrays.toString(shape));
        }
        try (Scope ignored = GradMode.noGrad()) {
            Map<String, Tensor> out = null;
            for (int i = 0; i < 3; i++) {
                out = m.run(inputs);
            }
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                out = m.run(inputs);
            }
            double ms = (System.nanoTime() - start) / 1e6 / runs;
            out.forEach((name, t) -> System.out.printf("output %s: %s%n", name, Arrays.toString(t.shape())));
            System.out.printf(Locale.ROOT, "%.3f ms per run (mean of %d runs)%n", ms, runs);
        }
        return 0;
    }
}
