package org.grad4j.examples;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of the examples that train for epochs: {@code --epochs --batch-size --lr --seed
 * --out}, with the defaults each example gives them.
 */
public final class Training {
    @Option(
            names = "--epochs",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "passes over the training data (default: ${DEFAULT-VALUE})")
    private int epochs;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "examples per step (default: ${DEFAULT-VALUE})")
    private int batchSize;

    @Option(
            names = "--lr",
            paramLabel = "X",
            converter = Ranges.PositiveReal.class,
            description = "learning rate (default: ${DEFAULT-VALUE})")
    private double lr;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "random seed: the same seed gives the same run (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "folder for the metrics CSV and the pictures (default: ${DEFAULT-VALUE})")
    private Path out;

    /** The defaults of {@code example}; its files go to {@code out/<example>}. */
    public Training(String example, int epochs, int batchSize, double lr) {
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.lr = lr;
        this.out = Path.of("out", example);
    }

    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The learning rate as a float, as the optimizers have always been given it. */
    public float lr() {
        return (float) lr;
    }

    public long seed() {
        return seed;
    }

    public Path out() {
        return out;
    }
}
