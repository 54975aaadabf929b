package org.grad4j.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.grad4j.autograd.GradMode;
import org.grad4j.backend.Backend;
import org.grad4j.graph.Compile;
import org.grad4j.nn.Module;
import org.grad4j.onnx.Onnx;
import org.grad4j.onnx.OnnxModel;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * Inference of the cnn example's network, exported as ONNX and imported again, in grad4j (eager,
 * and compiled with {@code Compile.module}) and in ONNX Runtime on as many threads, in one JVM in
 * alternating rounds; the ratios are the medians of the per-round ratios (below 1, grad4j is the
 * faster). {@code java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar
 * org.grad4j.benchmarks.OnnxInference [--rounds 7] [--table]}.
 */
public final class OnnxInference {
    private static Object sink;

    private OnnxInference() {}

    public static void main(String[] args) throws OrtException {
        ProgramArguments a = new ProgramArguments("OnnxInference", args, Map.of("--rounds", "7"));
        int rounds = a.integer("--rounds");
        if (!a.tableOnly()) {
            System.out.println(Machine.describe());
            System.out.println();
        }
        System.out.println("| model | batch | grad4j eager ms | grad4j compiled ms | ONNX Runtime ms "
                + "| eager ÷ ONNX Runtime | compiled ÷ ONNX Runtime |");
        System.out.println("|---|---|---|---|---|---|---|");
        try (Scope ignored = Backend.use(Backends.named("native"))) {
            Generator.manualSeed(0);
            Module cnn = Grad4jTrainStep.model("cnn");
            cnn.eval();
            byte[] file = Onnx.exportBytes(cnn, Tensor.zeros(1, 1, 28, 28));
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(Backend.current().threads());
            options.setInterOpNumThreads(1);
            try (OrtSession session = env.createSession(file, options)) {
                for (int batch : new int[] {1, 64}) {
                    System.out.println(row(file, session, env, batch, rounds));
                }
            }
        }
    }

    private static String row(byte[] file, OrtSession session, OrtEnvironment env, int batch, int rounds)
            throws OrtException {
        Module eager = OnnxModel.load(file).asModule();
        Module compiled = Compile.module(OnnxModel.load(file).asModule());
        Tensor x = Tensor.rand(new Generator(1), batch, 1, 28, 28);
        long[] shape = Arrays.stream(x.shape()).asLongStream().toArray();
        try (Scope noGrad = GradMode.noGrad();
                OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x.toArray()), shape)) {
            Runnable[] kinds = {
                () -> sink = eager.forward(x), () -> sink = compiled.forward(x), () -> sink = ort(session, input)
            };
            int calls = Math.max(20, 2000 / batch);
            double[][] ms = new double[kinds.length][rounds];
            for (int r = -3; r < rounds; r++) {
                for (int k = 0; k < kinds.length; k++) {
                    long start = System.nanoTime();
                    for (int i = 0; i < calls; i++) {
                        kinds[k].run();
                    }
                    if (r >= 0) {
                        ms[k][r] = (System.nanoTime() - start) / 1e6 / calls;
                    }
                }
            }
            return String.format(
                    Locale.ROOT,
                    "| cnn | %d | %.3f | %.3f | %.3f | %.2f | %.2f |",
                    batch,
                    Median.of(ms[0]),
                    Median.of(ms[1]),
                    Median.of(ms[2]),
                    medianRatio(ms[0], ms[2]),
                    medianRatio(ms[1], ms[2]));
        }
    }

    private static Object ort(OrtSession session, OnnxTensor input) {
        try (OrtSession.Result r = session.run(Map.of("input", input))) {
            return ((OnnxTensor) r.get(0)).getFloatBuffer();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime: " + e.getMessage(), e);
        }
    }

    private static double medianRatio(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / b[i];
        }
        return Median.of(r);
    }
}
