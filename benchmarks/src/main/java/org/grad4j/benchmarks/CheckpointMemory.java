package org.grad4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.grad4j.autograd.Checkpointing;
import org.grad4j.autograd.SavedTensorMeter;
import org.grad4j.graph.Compile;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.nn.loss.MSELoss;
import org.grad4j.optim.SGD;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;

/**
 * What activation checkpointing saves and costs on a deep MLP ({@code --layers} Linear + ReLU
 * layers of {@code --width}, batch {@code --batch}): per eager training step (forward,
 * mean-square loss, backward), the peak bytes kept for backward ({@link SavedTensorMeter},
 * parameters not counted) and the time, without checkpointing and with √layers segments; per
 * compiled step (the same, then an SGD update), the bytes of the program's memory plan and the
 * time, without and with rematerialization in √layers segments; in alternating rounds in one JVM,
 * times the medians over the rounds. {@code java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp
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
        Tensor zeros = Tensor.zeros(batch, width);
        org.grad4j.graph.TrainStep[] compiled = {
            Compile.trainStep(model, new MSELoss(), new SGD(model.parameters(), 0f)),
            Compile.trainStep(model, new MSELoss(), new SGD(model.parameters(), 0f), segments)
        };
        String[] names = {"eager", "eager, checkpointSequential", "compiled", "compiled, rematerialization"};
        double[][] millis = new double[names.length][rounds];
        long[] peak = new long[names.length];
        for (int r = -1; r < rounds; r++) {
            for (int mode = 0; mode < names.length; mode++) {
                Step s = mode < 2 ? step(model, x, mode == 0 ? 1 : segments) : step(compiled[mode - 2], x, zeros);
                if (r >= 0) {
                    millis[mode][r] = s.millis();
                    peak[mode] = s.peakBytes();
                }
            }
        }
        if (!a.tableOnly()) {
            System.out.println(Machine.describe());
            System.out.println();
        }
        String shape = layers + " × " + width + ", batch " + batch;
        System.out.println("| model | step | segments | peak MB (eager: kept for backward; compiled: planned)"
                + " | ms per step | peak ÷ without | time ÷ without |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int mode = 0; mode < names.length; mode++) {
            int without = mode < 2 ? 0 : 2;
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %s | %.1f | %.0f | %.2f | %.2f |%n",
                    shape,
                    names[mode],
                    mode % 2 == 0 ? "none" : Integer.toString(segments),
                    peak[mode] / 1e6,
                    Median.of(millis[mode]),
                    (double) peak[mode] / peak[without],
                    Median.of(millis[mode]) / Median.of(millis[without]));
        }
    }

    /** One compiled step (forward, loss, backward, update); its program's planned bytes. */
    private static Step step(org.grad4j.graph.TrainStep step, Tensor x, Tensor target) {
        long start = System.nanoTime();
        step.step(x, target);
        double millis = (System.nanoTime() - start) / 1e6;
        if (!step.isCompiled()) {
            throw new IllegalStateException("CheckpointMemory: the training step did not compile");
        }
        return new Step(step.memoryBytes(), millis);
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
}
