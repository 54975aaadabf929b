package org.grad4j.benchmarks;

import java.util.Locale;
import java.util.Map;
import org.grad4j.backend.Backend;
import org.grad4j.backend.Threads;
import org.grad4j.data.FashionMNIST;
import org.grad4j.tensor.Scope;

/**
 * What the pool's threads give a training step: the {@code mlp}, {@code cnn} and {@code rnn}
 * examples' eager steps on real Fashion-MNIST batches (shuffled by the loader, which standardizes
 * them, as the examples take them), native backend, in one JVM in alternating rounds of {@code
 * --steps} steps on one thread and on {@link Threads#get()} threads, with the medians of the
 * per-step times and of the per-round ratios (all threads ÷ one thread); then the {@code mlp} and
 * {@code rnn} on all threads in a {@code DataParallel} of one shard per thread, against the plain
 * model on one thread. Each model first trains {@code 10 × --steps} steps on each thread count, so
 * that the JIT has compiled the step's code. {@code java -Xms2g -Xmx2g
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
            for (String model : new String[] {"mlp", "cnn", "rnn"}) {
                TrainingLoop loop = new TrainingLoop(model, train, nat);
                System.out.println(row(loop, loop, model, threads, rounds, steps));
            }
            for (String model : new String[] {"mlp", "rnn"}) {
                TrainingLoop parallel = new TrainingLoop(model, train, nat, true);
                System.out.println(row(
                        new TrainingLoop(model, train, nat),
                        parallel,
                        model + ", DataParallel",
                        threads,
                        rounds,
                        steps));
            }
        } finally {
            Threads.set(threads);
        }
    }

    /** {@code single} on one thread against {@code all} on all threads. */
    private static String row(TrainingLoop single, TrainingLoop all, String model, int threads, int rounds, int steps) {
        Threads.set(1);
        single.millisPerStep(10 * steps);
        Threads.set(threads);
        all.millisPerStep(10 * steps);
        double[] one = new double[rounds];
        double[] many = new double[rounds];
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            Threads.set(1);
            one[r] = single.millisPerStep(steps);
            Threads.set(threads);
            many[r] = all.millisPerStep(steps);
            ratio[r] = many[r] / one[r];
        }
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.2f | %.2f | %.2f |",
                model,
                TrainStepBench.batch(model.split(",")[0]),
                Median.of(one),
                Median.of(many),
                Median.of(ratio));
    }
}
