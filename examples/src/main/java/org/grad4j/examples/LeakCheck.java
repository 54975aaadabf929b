package org.grad4j.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.grad4j.backend.Backend;
import org.grad4j.data.Batch;
import org.grad4j.data.BatchIterator;
import org.grad4j.data.DataLoader;
import org.grad4j.data.Dataset;
import org.grad4j.data.TensorDataset;
import org.grad4j.nn.Module;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.optim.Adam;
import org.grad4j.optim.Optimizer;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Trains the {@link Mlp} network (784-400-100-10, Adam, batch 128) for {@code --steps} steps and
 * checks that it holds on to nothing: after a warm-up it samples heap-after-GC, RSS, threads and
 * open files every {@code --every} steps, prints them, and exits with status 1 when heap or RSS
 * grew by more than {@code --max-growth} percent or threads or file descriptors grew at all.
 */
@Command(name = "leakcheck", description = "Trains the mlp network and fails if heap, RSS, threads or open files grow.")
public final class LeakCheck implements Callable<Integer> {
    @Option(
            names = "--steps",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "training steps (default: ${DEFAULT-VALUE})")
    int steps = 20000;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "steps before the first sample (default: a tenth of --steps)")
    Integer warmup;

    @Option(
            names = "--every",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "steps between samples (default: a twentieth of --steps)")
    Integer every;

    @Option(
            names = "--max-growth",
            paramLabel = "X",
            converter = Ranges.NonNegativeReal.class,
            description = "largest growth of heap and RSS that passes, in percent (default: ${DEFAULT-VALUE})")
    double maxGrowth = 5;

    @Option(
            names = "--synthetic",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "train on N random images instead of Fashion-MNIST (default: Fashion-MNIST)")
    Integer synthetic;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "examples per step (default: ${DEFAULT-VALUE})")
    int batchSize = 128;

    @Option(
            names = "--lr",
            paramLabel = "X",
            converter = Ranges.PositiveReal.class,
            description = "learning rate (default: ${DEFAULT-VALUE})")
    double lr = 1e-3;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "random seed: the same seed gives the same run (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    final FashionOptions fashion = new FashionOptions();

    @Mixin
    final BackendOption backend = new BackendOption();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return run(System.out, () -> {}).passed() ? 0 : 1;
    }

    /** Trains and samples as the options say, printing to {@code out}; {@code afterStep} runs after every step. */
    LeakReport run(PrintStream out, Runnable afterStep) {
        int warmup = this.warmup != null ? this.warmup : steps / 10;
        int every = Math.max(1, this.every != null ? this.every : steps / 20);
        if (warmup >= steps) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '--warmup': '" + warmup + "' is not less than --steps " + steps);
        }
        ResourceSample beforeTraining = ResourceSample.take(0);
        Generator.manualSeed(seed);
        Dataset train = data();
        Module model = Mlp.model();
        Optimizer optimizer = new Adam(model.parameters(), (float) lr);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        DataLoader loader = new DataLoader(train, batchSize, true, new Generator(seed));
        out.printf(
                Locale.ROOT,
                "leakcheck: mlp 784-400-100-10, %,d training images, %,d steps of batch %d, backend %s (%d threads);"
                        + " samples from step %d every %d steps%n",
                train.size(),
                steps,
                batchSize,
                Backend.current().name(),
                Backend.current().threads(),
                warmup,
                every);
        if (!ResourceSample.procAvailable()) {
            out.println("leakcheck: /proc/self is not available here: RSS, OS threads and open files are not measured");
        }
        LeakTable table = new LeakTable(out);
        List<ResourceSample> samples = new ArrayList<>();
        int step = 0;
        float loss = Float.NaN;
        while (step < steps) {
            try (BatchIterator batches = loader.iterator()) {
                while (batches.hasNext() && step < steps) {
                    Batch batch = batches.next();
                    Tensor l = criterion.forward(model.forward(batch.input()), batch.target());
                    optimizer.zeroGrad();
                    l.backward();
                    optimizer.step();
                    afterStep.run();
                    step++;
                    if (step >= warmup && (step - warmup) % every == 0 && step < steps) {
                        loss = l.item();
                        samples.add(table.row(ResourceSample.take(step), loss));
                    }
                }
            }
        }
        samples.add(table.row(ResourceSample.take(steps), loss));
        LeakReport report = new LeakReport(beforeTraining, samples, maxGrowth);
        report.print(out);
        return report;
    }

    private Dataset data() {
        if (synthetic == null) {
            return fashion.limited(fashion.load().train());
        }
        System.out.printf("data: %d random images, drawn with seed %d%n", synthetic, seed);
        Generator gen = new Generator(seed);
        float[] labels = new float[synthetic];
        for (int i = 0; i < synthetic; i++) {
            labels[i] = gen.nextInt(10);
        }
        return new TensorDataset(Tensor.rand(gen, synthetic, 1, 28, 28), Tensor.of(labels, synthetic));
    }
}
