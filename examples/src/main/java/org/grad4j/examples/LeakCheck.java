package org.grad4j.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

/**
 * Trains the {@link Mlp} network (784-400-100-10, Adam, batch 128) for {@code --steps} steps and
 * checks that it holds on to nothing: after a warm-up it samples heap-after-GC, RSS, threads and
 * open files every {@code --every} steps, prints them, and exits with status 1 when heap or RSS
 * grew by more than {@code --max-growth} percent or threads or file descriptors grew at all.
 */
public final class LeakCheck {
    private LeakCheck() {}

    public static void main(String[] args) {
        Options options = options();
        if (options.parse(args) && !run(options, System.out, () -> {}).passed()) {
            System.exit(1);
        }
    }

    static Options options() {
        return new Options("leakcheck", 0, 128, 1e-3)
                .declare("steps", "20000", "training steps")
                .declare("warmup", "0", "steps before the first sample (0: a tenth of --steps)")
                .declare("every", "0", "steps between samples (0: a twentieth of --steps)")
                .declare("max-growth", "5", "largest growth of heap and RSS that passes, in percent")
                .declare("synthetic", "0", "train on N random images instead of Fashion-MNIST (0: Fashion-MNIST)");
    }

    /** Trains and samples as the options say, printing to {@code out}; {@code afterStep} runs after every step. */
    static LeakReport run(Options o, PrintStream out, Runnable afterStep) {
        int steps = o.integer("steps");
        int warmup = o.integer("warmup") > 0 ? o.integer("warmup") : steps / 10;
        int every = Math.max(1, o.integer("every") > 0 ? o.integer("every") : steps / 20);
        if (warmup >= steps) {
            throw new IllegalArgumentException("leakcheck: --warmup " + warmup + " must be less than --steps " + steps);
        }
        ResourceSample beforeTraining = ResourceSample.take(0);
        Generator.manualSeed(o.seed());
        Dataset train = data(o);
        Module model = Mlp.model();
        Optimizer optimizer = new Adam(model.parameters(), o.lr());
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        DataLoader loader = new DataLoader(train, o.batchSize(), true, new Generator(o.seed()));
        out.printf(
                Locale.ROOT,
                "leakcheck: mlp 784-400-100-10, %,d training images, %,d steps of batch %d, backend %s (%d threads);"
                        + " samples from step %d every %d steps%n",
                train.size(),
                steps,
                o.batchSize(),
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
        LeakReport report = new LeakReport(beforeTraining, samples, o.number("max-growth"));
        report.print(out);
        return report;
    }

    private static Dataset data(Options o) {
        int synthetic = o.integer("synthetic");
        if (synthetic <= 0) {
            return FashionData.load(o).train();
        }
        Generator gen = new Generator(o.seed());
        float[] labels = new float[synthetic];
        for (int i = 0; i < synthetic; i++) {
            labels[i] = gen.nextInt(10);
        }
        return new TensorDataset(Tensor.rand(gen, synthetic, 1, 28, 28), Tensor.of(labels, synthetic));
    }
}
