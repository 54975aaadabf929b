package org.grad4j.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import org.grad4j.autograd.GradMode;
import org.grad4j.backend.Backend;
import org.grad4j.data.Batch;
import org.grad4j.data.DataLoader;
import org.grad4j.data.Dataset;
import org.grad4j.nn.Module;
import org.grad4j.nn.loss.BCEWithLogitsLoss;
import org.grad4j.optim.Adam;
import org.grad4j.optim.Optimizer;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * How the {@link Gan} example trains a DCGAN ({@link Dcgan}) to draw Fashion-MNIST clothes: each
 * step the discriminator takes one Adam step to tell a batch of real images (scaled to [−1, 1]) from generated ones, then the
 * generator one step to make the discriminator call its images real (the non-saturating loss);
 * BCEWithLogitsLoss, Adam lr 2e-4, betas (0.5, 0.999), as in the paper. After every epoch it writes
 * the images generated from one fixed batch of 64 latent vectors as an 8×8 grid,
 * {@code samples-epoch-N.png}, to {@code --out}, with metrics.csv and loss.png, and prints
 * {@code final losses: D 1.234, G 0.987} last (the means over the last epoch).
 * {@code --limit N} trains on the first N images only. With the defaults its samples become
 * recognizable shirts, trousers, dresses, sneakers and bags (the README gives the final losses).
 */
final class GanTrainer {
    static final int SAMPLES = 64;

    private final Training options;
    private final FashionOptions fashion;
    private final int latent;
    private final Generator gen;
    private final Module generator;
    private final Module discriminator;
    private final Optimizer optG;
    private final Optimizer optD;
    private final BCEWithLogitsLoss criterion = new BCEWithLogitsLoss();
    private final Tensor fixedNoise;

    /** The mean losses of one epoch. */
    public record Losses(double discriminator, double generator) {}

    /** The networks and optimizers for the example's options. */
    GanTrainer(Gan gan) {
        this.options = gan.training;
        this.fashion = gan.fashion;
        this.latent = gan.latent;
        this.gen = new Generator(options.seed());
        this.generator = Dcgan.generator(latent, gan.width, gen);
        this.discriminator = Dcgan.discriminator(gan.width, gen);
        this.optG = new Adam(
                generator.parameters(), Adam.Options.defaults().lr(options.lr()).betas(0.5, 0.999));
        this.optD = new Adam(
                discriminator.parameters(),
                Adam.Options.defaults().lr(options.lr()).betas(0.5, 0.999));
        this.fixedNoise = Tensor.randn(new Generator(options.seed() + 1), SAMPLES, latent);
    }

    Module generator() {
        return generator;
    }

    /** Trains for {@code --epochs} epochs on the training images and returns the last epoch's mean losses. */
    Losses train(FashionData.Split data) {
        Dataset images = fashion.limited(data.train());
        DataLoader loader = new DataLoader(images, options.batchSize(), true, gen, true, DataLoader.DEFAULT_PREFETCH);
        System.out.printf(
                Locale.ROOT,
                "gan: %,d training images, backend %s (%d threads)%n%s%n%s%n",
                images.size(),
                Backend.current().name(),
                Backend.current().threads(),
                generator,
                discriminator);
        MetricsLog log = newLog();
        Losses losses = null;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            losses = trainEpoch(loader, epoch);
            System.out.printf(
                    Locale.ROOT,
                    "epoch %d: D loss %.4f, G loss %.4f%n",
                    epoch,
                    losses.discriminator(),
                    losses.generator());
            writeSamples(epoch);
            record(log, epoch, losses);
        }
        return losses;
    }

    private Losses trainEpoch(DataLoader loader, int epoch) {
        generator.train();
        discriminator.train();
        double sumG = 0;
        try (Progress progress =
                new Progress("epoch " + epoch + "/" + options.epochs() + " (loss: D)", loader.numBatches())) {
            for (Batch batch : loader) {
                try (batch) {
                    float[] step = step(batch.input().mul(2f).sub(1f));
                    sumG += step[1];
                    progress.step(batch.size(), step[0]);
                }
            }
            return new Losses(progress.meanLoss(), sumG / loader.numBatches());
        }
    }

    /** One discriminator step, then one generator step; returns their losses {D, G}. */
    float[] step(Tensor real) {
        int b = real.size(0);
        Tensor ones = Tensor.ones(b, 1);
        Tensor fake = generator.forward(Tensor.randn(gen, b, latent));
        Tensor lossD = criterion
                .forward(discriminator.forward(real), ones)
                .add(criterion.forward(discriminator.forward(fake.detach()), Tensor.zeros(b, 1)));
        optD.zeroGrad();
        lossD.backward();
        optD.step();
        Tensor lossG = criterion.forward(discriminator.forward(fake), ones);
        optG.zeroGrad();
        lossG.backward();
        optG.step();
        return new float[] {lossD.item(), lossG.item()};
    }

    /** The generator's images for the fixed noise, in [0, 1] (eval mode, no graph). */
    Tensor samples() {
        generator.eval();
        try (Scope ignored = GradMode.noGrad()) {
            return generator.forward(fixedNoise).add(1f).mul(0.5f);
        } finally {
            generator.train();
        }
    }

    /** Writes {@code samples-epoch-N.png}: the fixed-noise samples as an 8×8 grid, each image doubled. */
    Path writeSamples(int epoch) {
        Path png = options.out().resolve("samples-epoch-" + epoch + ".png");
        try {
            ImageGrid.write(samples(), 8, 2, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png;
    }

    private MetricsLog newLog() {
        try {
            return new MetricsLog(options.out(), "D loss", "G loss");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void record(MetricsLog log, int epoch, Losses losses) {
        try {
            log.add(epoch, losses.discriminator(), losses.generator());
            log.plot("loss", "gan: mean losses per epoch");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
