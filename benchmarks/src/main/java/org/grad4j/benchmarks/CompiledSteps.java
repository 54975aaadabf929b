package org.grad4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;

/**
 * Compiled against eager training steps of the examples' models (forward, cross-entropy,
 * backward, Adam) on the native backend, with the machine's drift taken out: both run in one JVM
 * in alternating rounds of {@code --steps} steps each, and the ratio is the median of the
 * per-round ratios; also the heap a compiled step allocates on the calling thread.
 * {@code java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar
 * org.grad4j.benchmarks.CompiledSteps [--rounds 7] [--steps 100] [--table]}; each model first runs ten
 * rounds' worth of steps of each kind, so that the JIT has compiled the step's code.
 */
public final class CompiledSteps {
    private CompiledSteps() {}

    public static void main(String[] args) {
        ProgramArguments a = new ProgramArguments("CompiledSteps", args, Map.of("--rounds", "7", "--steps", "100"));
        int rounds = a.integer("--rounds");
        int steps = a.integer("--steps");
        if (!a.tableOnly()) {
            System.out.println(Machine.describe());
            System.out.println();
        }
        System.out.println("| model | batch | eager ms | compiled ms | compiled ÷ eager | compiled step heap bytes |");
        System.out.println("|---|---|---|---|---|---|");
        for (String model : new String[] {"mlp", "cnn"}) {
            System.out.println(row(model, rounds, steps));
        }
    }

    private static String row(String model, int rounds, int steps) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        try (TrainStep eager = new Grad4jTrainStep("native", model, false);
                TrainStep compiled = new Grad4jTrainStep("native", model, true)) {
            for (int i = 0; i < 10 * steps; i++) {
                eager.run();
                compiled.run();
            }
            double[] eagerMs = new double[rounds];
            double[] compiledMs = new double[rounds];
            double[] ratio = new double[rounds];
            long heap = 0;
            for (int r = 0; r < rounds; r++) {
                eagerMs[r] = millisPerStep(eager, steps);
                long before = threads.getThreadAllocatedBytes(thread);
                compiledMs[r] = millisPerStep(compiled, steps);
                heap = (threads.getThreadAllocatedBytes(thread) - before) / steps;
                ratio[r] = compiledMs[r] / eagerMs[r];
            }
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %.2f | %.2f | %.2f | %d |",
                    model,
                    TrainStepBench.batch(model),
                    Median.of(eagerMs),
                    Median.of(compiledMs),
                    Median.of(ratio),
                    heap);
        }
    }

    private static double millisPerStep(TrainStep step, int steps) {
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            step.run();
        }
        return (System.nanoTime() - start) / 1e6 / steps;
    }
}
