package org.grad4j.examples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.grad4j.autograd.GradMode;
import org.grad4j.backend.Backend;
import org.grad4j.data.Batch;
import org.grad4j.data.DataLoader;
import org.grad4j.data.TensorDataset;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.nn.Sigmoid;
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
 * Regression in the style of ConvNetJS's "nn_paint": a network learns one image as a function
 * from a pixel's position (x, y) in [-1, 1] to its colour (r, g, b) in [0, 1]. An MLP
 * 2 → 64 → 64 → 64 → 3 with ReLU and a sigmoid output, mean squared error, Adam lr 3e-3, batch
 * 128, 100 epochs; each epoch is one pass over the pixels in shuffled mini-batches. The picture is drawn with Java2D, or read
 * from {@code --image FILE} (scaled down to {@code --size} pixels on its longer side). Writes
 * {@code original.png} and {@code learned.png} (the network's painting, same size),
 * metrics.csv and loss.png to {@code --out}, and prints {@code final loss: 0.0123} last: the mean
 * squared error of the painting over all pixels.
 */
@Command(name = "regression", description = "An MLP learns a picture as a function (x, y) -> (r, g, b) and paints it.")
public final class Regression implements Callable<Integer> {
    @Mixin
    final Training training = new Training("regression", 100, 128, 3e-3);

    @Mixin
    final BackendOption backend = new BackendOption();

    @Option(
            names = "--image",
            paramLabel = "FILE",
            converter = SourceImage.Readable.class,
            description = "PNG (or JPEG) to learn (default: a picture drawn with Java2D)")
    Path image;

    @Option(
            names = "--size",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "the picture's longer side in pixels (default: ${DEFAULT-VALUE})")
    int size = 128;

    @Option(
            names = "--hidden",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "units in each of the three hidden layers (default: ${DEFAULT-VALUE})")
    int hidden = 64;

    static Module model(int hidden) {
        return new Sequential(
                new Linear(2, hidden),
                new ReLU(),
                new Linear(hidden, hidden),
                new ReLU(),
                new Linear(hidden, hidden),
                new ReLU(),
                new Linear(hidden, 3),
                new Sigmoid());
    }

    @Override
    public Integer call() throws IOException {
        Generator.manualSeed(training.seed());
        train(source());
        return 0;
    }

    /** The picture to learn, announced in a {@code data: ...} line. */
    BufferedImage source() throws IOException {
        if (image == null) {
            System.out.printf("data: a picture drawn with Java2D, %d x %d%n", size, size);
            return SourceImage.drawn(size);
        }
        BufferedImage picture = SourceImage.read(image, size);
        System.out.printf("data: %s, scaled to %d x %d%n", image, picture.getWidth(), picture.getHeight());
        return picture;
    }

    /** The loss of the best constant painting, the mean colour: the variance of the colours. */
    static double meanColourLoss(Tensor colours) {
        return colours.sub(colours.mean(0)).square().mean().item();
    }

    /** Trains a new model to paint {@code source} and returns the final loss over all pixels. */
    double train(BufferedImage source) {
        int width = source.getWidth();
        int height = source.getHeight();
        Tensor positions = Pixels.coordinates(width, height);
        Tensor colours = Pixels.colours(source);
        DataLoader loader = new DataLoader(
                new TensorDataset(positions, colours), training.batchSize(), true, new Generator(training.seed()));
        Module model = model(hidden);
        Optimizer optimizer = new Adam(model.parameters(), training.lr());
        MSELoss criterion = new MSELoss();
        System.out.printf(
                Locale.ROOT,
                "regression: a %d x %d picture, backend %s; predicting the mean colour"
                        + " everywhere gives loss %.4f%n%s%n",
                width,
                height,
                Backend.current().name(),
                meanColourLoss(colours),
                model);
        try {
            MetricsLog log = new MetricsLog(training.out(), "train loss", "picture loss");
            for (int epoch = 1; epoch <= training.epochs(); epoch++) {
                double trainLoss;
                try (Progress progress =
                        new Progress("epoch " + epoch + "/" + training.epochs(), loader.numBatches())) {
                    for (Batch batch : loader) {
                        try (batch;
                                TensorScope step = TensorScope.open()) {
                            Tensor loss = criterion.forward(model.forward(batch.input()), batch.target());
                            optimizer.zeroGrad();
                            loss.backward();
                            optimizer.step();
                            progress.step(batch.size(), loss.item());
                        }
                    }
                    trainLoss = progress.meanLoss();
                }
                log.add(
                        epoch,
                        trainLoss,
                        criterion.forward(paint(model, positions), colours).item());
            }
            // Plotted once: an epoch here takes less time than drawing the chart.
            log.plot("loss", "regression: mean squared error per epoch");
            Tensor painting = paint(model, positions);
            double loss = criterion.forward(painting, colours).item();
            write(source, training.out().resolve("original.png"));
            write(Pixels.image(painting, width, height), training.out().resolve("learned.png"));
            WrittenFiles.print(training.out(), "metrics.csv", "loss.png", "original.png", "learned.png");
            System.out.printf(Locale.ROOT, "final loss: %.4f%n", loss);
            return loss;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model's colour for every position, without recording a graph. */
    static Tensor paint(Module model, Tensor positions) {
        try (Scope ignored = GradMode.noGrad()) {
            return model.forward(positions);
        }
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
