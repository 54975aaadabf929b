package org.grad4j.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.grad4j.autograd.GradMode;
import org.grad4j.backend.Backend;
import org.grad4j.data.Batch;
import org.grad4j.data.DataLoader;
import org.grad4j.data.Dataset;
import org.grad4j.graph.Compile;
import org.grad4j.graph.TrainStep;
import org.grad4j.nn.Flatten;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.nn.Sigmoid;
import org.grad4j.nn.Unflatten;
import org.grad4j.nn.loss.MSELoss;
import org.grad4j.optim.Adam;
import org.grad4j.optim.Optimizer;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.grad4j.tensor.TensorScope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A denoising autoencoder on Fashion-MNIST: Gaussian noise (standard deviation {@code --noise},
 * clipped to [0, 1]) is added to each image, and a network 784 → 256 → 64 → 256 → 784 with ReLU
 * and a sigmoid output learns to give back the clean image, with mean squared error and Adam
 * (lr 1e-3, batch 128, 5 epochs: test loss about 0.018, against 0.085 for the noisy inputs).
 * The 64-unit bottleneck makes it keep what clothes look like and drop the noise, which follows
 * no pattern. Writes {@code reconstructions.png} (rows: noisy input, reconstruction, original),
 * metrics.csv and loss.png to {@code --out}, and prints {@code test loss: 0.0123} last.
 */
@Command(name = "autoencoder", description = "A denoising autoencoder 784-256-64-256-784 on Fashion-MNIST.")
public final class Autoencoder implements Callable<Integer> {
    static final int SHOWN = 10;

    @Mixin
    final Training training = new Training("autoencoder", 5, 128, 1e-3);

    @Mixin
    final FashionOptions fashion = new FashionOptions();

    @Mixin
    final BackendOption backend = new BackendOption();

    @Mixin
    final CompileOption compile = new CompileOption();

    @Option(
            names = "--noise",
            paramLabel = "X",
            converter = Ranges.NonNegativeReal.class,
            description = "standard deviation of the Gaussian noise added to the inputs (default: ${DEFAULT-VALUE})")
    double noise = 0.4;

    /** The final test loss, and the loss of the noisy test images themselves against the originals. */
    record Result(double testLoss, double noisyLoss) {}

    static Module model() {
        return new Sequential(
                new Flatten(),
                new Linear(28 * 28, 256),
                new ReLU(),
                new Linear(256, 64),
                new ReLU(),
                new Linear(64, 256),
                new ReLU(),
                new Linear(256, 28 * 28),
                new Sigmoid(),
                new Unflatten(1, 1, 28, 28));
    }

    @Override
    public Integer call() {
        Generator.manualSeed(training.seed());
        train(fashion.load());
        return 0;
    }

    /** Images with Gaussian noise of standard deviation {@code std} added, clipped to [0, 1]. */
    static Tensor noisy(Tensor images, float std, Generator gen) {
        return images.add(Tensor.normal(gen, 0f, std, images.shape())).clamp(0f, 1f);
    }

    Result train(FashionData.Split data) {
        float noise = (float) this.noise;
        Generator gen = new Generator(training.seed());
        Dataset train = fashion.limited(data.train());
        DataLoader loader = new DataLoader(train, training.batchSize(), true, gen);
        DataLoader testLoader = new DataLoader(data.test(), 1000);
        Module model = model();
        Optimizer optimizer = new Adam(model.parameters(), training.lr());
        MSELoss criterion = new MSELoss();
        TrainStep compiled = compile.enabled() ? Compile.trainStep(model, criterion, optimizer) : null;
        System.out.printf(
                Locale.ROOT,
                "autoencoder: %,d training images, %,d test images, noise %.2f," + " backend %s%n%s%n",
                train.size(),
                data.test().size(),
                noise,
                Backend.current().name(),
                model);
        // The test images get the same noise at every evaluation, so the test losses compare.
        Generator testNoise = new Generator(training.seed() + 1);
        Result result = new Result(Double.NaN, Double.NaN);
        try {
            MetricsLog log = new MetricsLog(training.out(), "train loss", "test loss", "noisy input loss");
            for (int epoch = 1; epoch <= training.epochs(); epoch++) {
                model.train();
                double trainLoss;
                try (Progress progress =
                        new Progress("epoch " + epoch + "/" + training.epochs(), loader.numBatches())) {
                    for (Batch batch : loader) {
                        try (batch) {
                            Tensor clean = batch.input();
                            if (compiled != null) {
                                progress.step(batch.size(), compiled.step(noisy(clean, noise, gen), clean));
                                continue;
                            }
                            try (TensorScope step = TensorScope.open()) {
                                Tensor loss = criterion.forward(model.forward(noisy(clean, noise, gen)), clean);
                                optimizer.zeroGrad();
                                loss.backward();
                                optimizer.step();
                                progress.step(batch.size(), loss.item());
                            }
                        }
                    }
                    trainLoss = progress.meanLoss();
                }
                result = evaluate(model, testLoader, noise, testNoise.reset());
                System.out.printf(
                        Locale.ROOT,
                        "epoch %d: train loss %.4f, test loss %.4f (noisy input: %.4f)%n",
                        epoch,
                        trainLoss,
                        result.testLoss(),
                        result.noisyLoss());
                log.add(epoch, trainLoss, result.testLoss(), result.noisyLoss());
                log.plot("loss", "autoencoder: mean squared error per epoch");
            }
            // the first SHOWN test images only: images() would convert all 10,000 to floats
            writeGrid(model, data.test().getBatch(IntStream.range(0, SHOWN).toArray())[0], noise, testNoise.reset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WrittenFiles.print(training.out(), "metrics.csv", "loss.png", "reconstructions.png");
        System.out.printf(Locale.ROOT, "test loss: %.4f%n", result.testLoss());
        return result;
    }

    /** Mean loss of the reconstructions and of the noisy inputs against the clean test images. */
    static Result evaluate(Module model, DataLoader loader, float noise, Generator gen) {
        model.eval();
        MSELoss criterion = new MSELoss();
        double reconstructed = 0;
        double noisy = 0;
        try (Scope ignored = GradMode.noGrad()) {
            for (Batch batch : loader) {
                try (batch) {
                    Tensor clean = batch.input();
                    Tensor input = noisy(clean, noise, gen);
                    reconstructed +=
                            criterion.forward(model.forward(input), clean).item() * batch.size();
                    noisy += criterion.forward(input, clean).item() * batch.size();
                }
            }
        }
        int n = loader.dataset().size();
        return new Result(reconstructed / n, noisy / n);
    }

    private void writeGrid(Module model, Tensor originals, float noise, Generator gen) throws IOException {
        model.eval();
        try (Scope ignored = GradMode.noGrad()) {
            Tensor input = noisy(originals, noise, gen);
            Tensor rows = Tensor.cat(List.of(input, model.forward(input), originals), 0);
            ImageGrid.write(rows, originals.size(0), 2, training.out().resolve("reconstructions.png"));
        }
    }
}
