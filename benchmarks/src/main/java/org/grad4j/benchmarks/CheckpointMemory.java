package org.grad4j.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.grad4j.autograd.Checkpointing;
import org.grad4j.autograd.SavedTensorMeter;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;

/**
 * What activation checkpointing saves and costs on a deep MLP ({@code --layers} Linear + ReLU
 * layers of {@code --width}, batch {@code --batch}): per training step (forward, mean-square loss,
 * backward), the peak bytes kept for backward ({@link SavedTensorMeter}, parameters not counted)
 * and the time, without checkpointing and with √layers segments, in alternating rounds in one JVM;
 * times are medians over the rounds. {@code java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp
 * benchmarks/target/benchmarks.jar org.grad4j.benchmarks.CheckpointMemory [--layers 64] [--width
 * 1024] [--batch 256] [--rounds 5] [--table]}.
 */
public final class CheckpointMemory {
    private CheckpointMemory() {}

    /** One step's peak bytes kept for backward and time. */
    private record Step(long peakBytes, double millis) {}

    public static void main(String[] args) {
        ProgramArguments a = new ProgramArguments(
                "CheckpointMemory",
                args,
                Map.of("--layers", "64", "--width", "1024", "--batch", "256", "--rounds", "5"));
        int layers = a.integer("--layers");
        int width = a.integer("--width");
        int batch = a.integer("--batch");
        int rounds = a.integer("--rounds");
        Generator.manualSeed(0);
        List<Module> modules = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            modules.add(new Linear(width, width));
            modules.add(new ReLU());
        }
        Sequential model = new Sequential(modules.toArray(new Module[0]));
        Tensor x = Tensor.randn(new Generator(1), batch, width);
        int segments = (int) Math.round(Math.sqrt(layers));
        step(model, x, 1);
        step(model, x, segments);
        double[][] millis = new double[2][rounds];
        long[] peak = new long[2];
        for (int r = 0; r < rounds; r++) {
            for (int mode = 0; mode < 2; mode++) {
                Step s = step(model, x, mode == 0 ? 1 : segments);
                millis[mode][r] = s.millis();
                peak[mode] = s.peakBytes();
            }
        }
        double plain = median(millis[0]);
        double checkpointed = median(millis[1]);
        if (!a.tableOnly()) {
            System.out.println(Machine.describe());
            System.out.println();
        }
        String shape = layers + " × " + width + ", batch " + batch;
        System.out.println(
                "| model | segments | peak MB kept for backward | ms per step | peak ÷ no checkpointing | time ÷ no checkpointing |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %s | none | %.1f | %.0f | 1.00 | 1.00 |%n", shape, peak[0] / 1e6, plain);
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %.1f | %.0f | %.2f | %.2f |%n",
                shape,
                segments,
                peak[1] / 1e6,
                checkpointed,
                (double) peak[1] / peak[0],
                checkpointed / plain);
    }

    /** One forward, loss and backward; segments 1 is the plain model. */
    private static Step step(Sequential model, Tensor x, int segments) {
        model.zeroGrad();
        long start = System.nanoTime();
        try (SavedTensorMeter meter = SavedTensorMeter.start(model.parameters())) {
            Tensor y = segments == 1 ? model.forward(x) : Checkpointing.checkpointSequential(model, segments, x);
            y.square().mean().backward();
            return new Step(meter.peakBytes(), (System.nanoTime() - start) / 1e6);
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
