package org.grad4j.benchmarks;

import java.util.Locale;
import java.util.Map;
import org.grad4j.backend.Backend;
import org.grad4j.backend.Threads;
import org.grad4j.data.FashionMNIST;
import org.grad4j.tensor.Scope;

/**
 * What the pool's threads give a training step: the {@code mlp} and {@code cnn} examples' eager
 * steps on real Fashion-MNIST batches (shuffled by the loader, which standardizes them, as the
 * examples take them), native backend, in one JVM in alternating rounds of {@code --steps} steps on
 * one thread and on {@link Threads#get()} threads, with the medians of the per-step times and of the
 * per-round ratios (all threads ÷ one thread). Each model first trains {@code 10 × --steps} steps on
 * each thread count, so that the JIT has compiled the step's code. {@code java -Xms2g -Xmx2g
 * -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar org.grad4j.benchmarks.ThreadScaling
 * [--rounds 7] [--steps 100] [--table]}; it needs Fashion-MNIST installed (the Debian package
 * dataset-fashion-mnist, or the files in ~/.grad4j/datasets/fashion-mnist).
 */
public final class ThreadScaling {
    private ThreadScaling() {}

    public static void main(String[] args) {
        ProgramArguments a = new ProgramArguments("ThreadScaling", args, Map.of("--rounds", "7", "--steps", "100"));
        int rounds = a.integer("--rounds");
        int steps = a.integer("--steps");
        int threads = Threads.get();
        if (!a.tableOnly()) {
            System.out.println(Machine.describe());
            System.out.println();
        }
        FashionMNIST train = TrainingLoop.trainingSet();
        System.out.printf(
                Locale.ROOT,
                "| model | batch | 1 thread ms | %d threads ms | %d threads ÷ 1 thread |%n",
                threads,
                threads);
        System.out.println("|---|---|---|---|---|");
        Backend nat = Backends.named("native");
        try (Scope ignored = Backend.use(nat)) {
            for (String model : new String[] {"mlp", "cnn"}) {
                System.out.println(row(new TrainingLoop(model, train, nat), model, threads, rounds, steps));
            }
        } finally {
            Threads.set(threads);
        }
    }

    private static String row(TrainingLoop loop, String model, int threads, int rounds, int steps) {
        for (int warm : new int[] {1, threads}) {
            Threads.set(warm);
            loop.millisPerStep(10 * steps);
        }
        double[] one = new double[rounds];
        double[] all = new double[rounds];
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            Threads.set(1);
            one[r] = loop.millisPerStep(steps);
            Threads.set(threads);
            all[r] = loop.millisPerStep(steps);
            ratio[r] = all[r] / one[r];
        }
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.2f | %.2f | %.2f |",
                model,
                TrainStepBench.batch(model),
                Median.of(one),
                Median.of(all),
                Median.of(ratio));
    }
}
