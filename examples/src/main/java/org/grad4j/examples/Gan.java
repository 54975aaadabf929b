package org.grad4j.examples;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code gan} example: a DCGAN learns to draw Fashion-MNIST clothes (see {@link GanTrainer}),
 * writing a grid of samples per epoch and printing {@code final losses: D 1.234, G 0.987} last.
 */
@Command(
        name = "gan",
        description = "A DCGAN learns to draw Fashion-MNIST clothes, writing a grid of samples per epoch.")
public final class Gan implements Callable<Integer> {
    @Mixin
    final Training training = new Training("gan", 5, 128, 2e-4);

    @Mixin
    final FashionOptions fashion = new FashionOptions();

    @Mixin
    final BackendOption backend = new BackendOption();

    @Option(
            names = "--latent",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "size of the generator's input noise vector (default: ${DEFAULT-VALUE})")
    int latent = 64;

    @Option(
            names = "--width",
            paramLabel = "N",
            converter = Width.class,
            description = "channels of the networks' 7x7 layers, half as many at 14x14 (default: ${DEFAULT-VALUE})")
    int width = 64;

    @Override
    public Integer call() {
        GanTrainer.Losses losses = new GanTrainer(this).train(fashion.load());
        int epochs = training.epochs();
        String samples = epochs == 1 ? "samples-epoch-1.png" : "samples-epoch-1.png … samples-epoch-" + epochs + ".png";
        WrittenFiles.print(training.out(), "metrics.csv", "loss.png", samples);
        System.out.printf(Locale.ROOT, "final losses: D %.3f, G %.3f%n", losses.discriminator(), losses.generator());
        return 0;
    }

    /** At least 2, so that the 14x14 layer has a channel. */
    static final class Width implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Ranges.integer(value, 2);
        }
    }
}
