package org.grad4j.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.grad4j.autograd.GradMode;
import org.grad4j.backend.Backend;
import org.grad4j.data.Batch;
import org.grad4j.data.DataLoader;
import org.grad4j.data.Dataset;
import org.grad4j.graph.Compile;
import org.grad4j.graph.TrainStep;
import org.grad4j.nn.Module;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.optim.Adam;
import org.grad4j.optim.Optimizer;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.grad4j.tensor.TensorScope;

/**
 * Trains a Fashion-MNIST classifier with the plain loop (zeroGrad, forward, loss, backward,
 * step, in a TensorScope that frees the step's tensors for the next step; or, with {@code --compile}, one compiled graph per step) and Adam, showing a progress bar per epoch, writing metrics.csv (and, once trained, loss.png and
 * accuracy.png) to {@code --out}, and printing {@code test accuracy: 0.8912} last.
 * {@code --limit N} trains on the first N images only (for quick runs).
 */
final class Classifier {
    private final String name;
    private final Training options;
    private final CompileOption compile;
    private final FashionOptions fashion;
    private final boolean standardized;
    private final UnaryOperator<Tensor> shape;

    /** {@code shape} turns a batch of images [B, 1, 28, 28], pixels in [0, 1], into the model's input. */
    Classifier(
            String name, Training options, CompileOption compile, FashionOptions fashion, UnaryOperator<Tensor> shape) {
        this(name, options, compile, fashion, false, shape);
    }

    private Classifier(
            String name,
            Training options,
            CompileOption compile,
            FashionOptions fashion,
            boolean standardized,
            UnaryOperator<Tensor> shape) {
        this.name = name;
        this.options = options;
        this.compile = compile;
        this.fashion = fashion;
        this.standardized = standardized;
        this.shape = shape;
    }

    /**
     * A classifier of standardized images [B, 1, 28, 28]: its {@link #run} loads the data with
     * {@link FashionOptions#loadStandardized}, so that the loader's thread standardizes the pixels.
     */
    static Classifier ofStandardizedImages(
            String name, Training options, CompileOption compile, FashionOptions fashion) {
        return new Classifier(name, options, compile, fashion, true, UnaryOperator.identity());
    }

    /** Seeds the default generator, makes the model, loads Fashion-MNIST and trains: a command's run. */
    int run(Supplier<Module> model) {
        Generator.manualSeed(options.seed());
        train(model.get(), standardized ? fashion.loadStandardized() : fashion.load());
        return 0;
    }

    /**
     * Trains the model on {@code data} (loaded standardized for {@link #ofStandardizedImages}) and
     * returns its final test accuracy.
     */
    double train(Module model, FashionData.Split data) {
        Generator gen = new Generator(options.seed());
        Dataset train = fashion.limited(data.train());
        DataLoader loader = new DataLoader(train, options.batchSize(), true, gen);
        // Test batches of the training batch's size: their activations fit the buffers the
        // training steps released, where batches of 1,000 would each take hundreds of fresh MB.
        DataLoader testLoader = new DataLoader(data.test(), options.batchSize());
        Optimizer optimizer = new Adam(model.parameters(), options.lr());
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        TrainStep compiled = compile.enabled() ? Compile.trainStep(model, criterion, optimizer) : null;
        System.out.printf(
                Locale.ROOT,
                "%s: %,d training images, %,d test images, backend %s (%d threads)%n%s%n",
                name,
                train.size(),
                data.test().size(),
                Backend.current().name(),
                Backend.current().threads(),
                model);
        MetricsLog log = newLog();
        double accuracy = 0;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            model.train();
            double trainLoss;
            try (Progress progress = new Progress("epoch " + epoch + "/" + options.epochs(), loader.numBatches())) {
                for (Batch batch : loader) {
                    progress.begin();
                    try (batch) {
                        progress.step(batch.size(), trainStep(model, criterion, optimizer, compiled, batch));
                    }
                }
                trainLoss = progress.meanLoss();
            }
            double[] test = evaluate(model, testLoader, criterion);
            accuracy = test[1];
            System.out.printf(
                    Locale.ROOT,
                    "epoch %d: train loss %.4f, test loss %.4f, test accuracy %.4f%n",
                    epoch,
                    trainLoss,
                    test[0],
                    accuracy);
            record(log, epoch, trainLoss, test);
        }
        plot(log);
        long peak = ResourceSample.peakRssBytes();
        if (peak >= 0) {
            System.out.printf(Locale.ROOT, "peak resident memory: %d MB%n", peak / 1_000_000);
        }
        WrittenFiles.print(options.out(), "metrics.csv", "loss.png", "accuracy.png");
        System.out.printf(Locale.ROOT, "test accuracy: %.4f%n", accuracy);
        return accuracy;
    }

    /** One optimizer step on a batch (compiled, or eager in a TensorScope); returns the loss. */
    private float trainStep(
            Module model, CrossEntropyLoss criterion, Optimizer optimizer, TrainStep compiled, Batch batch) {
        if (compiled != null) {
            return compiled.step(shape.apply(batch.input()), batch.target());
        }
        try (TensorScope step = TensorScope.open()) {
            Tensor loss = criterion.forward(model.forward(shape.apply(batch.input())), batch.target());
            optimizer.zeroGrad();
            loss.backward();
            optimizer.step();
            return loss.item();
        }
    }

    /** Mean loss and accuracy over a loader, in eval mode without autograd. */
    double[] evaluate(Module model, DataLoader loader, CrossEntropyLoss criterion) {
        model.eval();
        double lossSum = 0;
        long correct = 0;
        try (Scope ignored = GradMode.noGrad()) {
            for (Batch batch : loader) {
                try (batch;
                        TensorScope ignoredToo = TensorScope.open()) {
                    Tensor logits = model.forward(shape.apply(batch.input()));
                    lossSum += criterion.forward(logits, batch.target()).item() * batch.size();
                    correct += (long) logits.argmax(1).eq(batch.target()).sum().item();
                }
            }
        }
        int n = loader.dataset().size();
        return new double[] {lossSum / n, (double) correct / n};
    }

    private MetricsLog newLog() {
        try {
            return new MetricsLog(options.out(), "train loss", "test loss", "test accuracy");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void record(MetricsLog log, int epoch, double trainLoss, double[] test) {
        try {
            log.add(epoch, trainLoss, test[0], test[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The plots of metrics.csv, drawn once training has ended: Java2D's renderer is much code for the
     * JIT compiler, which would otherwise compile it on the second core while the next epoch trains.
     */
    private void plot(MetricsLog log) {
        try {
            log.plot("loss", name + ": loss per epoch");
            log.plot("accuracy", name + ": test accuracy per epoch");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
