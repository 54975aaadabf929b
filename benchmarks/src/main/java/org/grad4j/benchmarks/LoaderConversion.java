package org.grad4j.benchmarks;

import java.util.Locale;
import java.util.Map;
import org.grad4j.backend.Backend;
import org.grad4j.backend.Threads;
import org.grad4j.data.FashionMNIST;
import org.grad4j.tensor.Scope;

/**
 * What the loader's batch conversion ({@code Backend.lookupRows}) costs a training step: the
 * {@code mlp} example's eager steps on the native backend, fed by two loaders whose threads convert
 * on the native and on the Java backend, in one JVM in alternating rounds of {@code --steps} steps on
 * one thread and on {@link Threads#get()} threads, with the medians of the per-step times and of the
 * per-round ratios (native conversion ÷ Java conversion). Each loop first trains
 * {@code 10 × --steps} steps on each thread count. {@code java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp
 * benchmarks/target/benchmarks.jar org.grad4j.benchmarks.LoaderConversion [--rounds 15]
 * [--steps 200]}; it needs Fashion-MNIST installed (the Debian package dataset-fashion-mnist, or the
 * files in ~/.grad4j/datasets/fashion-mnist).
 */
public final class LoaderConversion {
    private LoaderConversion() {}

    public static void main(String[] args) {
        ProgramArguments a = new ProgramArguments("LoaderConversion", args, Map.of("--rounds", "15", "--steps", "200"));
        int rounds = a.integer("--rounds");
        int steps = a.integer("--steps");
        int threads = Threads.get();
        if (!a.tableOnly()) {
            System.out.println(Machine.describe());
            System.out.println();
        }
        FashionMNIST train = TrainingLoop.trainingSet();
        System.out.println("| threads | native conversion ms | Java conversion ms | native ÷ Java |");
        System.out.println("|---|---|---|---|");
        Backend nat = Backends.named("native");
        try (Scope ignored = Backend.use(nat)) {
            TrainingLoop natively = new TrainingLoop("mlp", train, nat);
            TrainingLoop inJava = new TrainingLoop("mlp", train, Backends.named("java"));
            for (int t : new int[] {1, threads}) {
                Threads.set(t);
                natively.millisPerStep(10 * steps);
                inJava.millisPerStep(10 * steps);
                double[] n = new double[rounds];
                double[] j = new double[rounds];
                double[] ratio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    n[r] = natively.millisPerStep(steps);
                    j[r] = inJava.millisPerStep(steps);
                    ratio[r] = n[r] / j[r];
                }
                System.out.printf(
                        Locale.ROOT, "| %d | %.3f | %.3f | %.3f |%n", t, Median.of(n), Median.of(j), Median.of(ratio));
            }
        } finally {
            Threads.set(threads);
        }
    }
}
