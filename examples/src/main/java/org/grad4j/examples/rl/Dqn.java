package org.grad4j.examples.rl;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.grad4j.backend.Threads;
import org.grad4j.examples.BackendOption;
import org.grad4j.examples.Ranges;
import org.grad4j.examples.WrittenFiles;
import org.grad4j.tensor.Generator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code dqn} example and its options: a {@link DqnAgent} learns to balance CartPole, and the
 * run prints {@code average return: 197.3} last. It runs on one thread unless
 * {@code -Dgrad4j.threads} says otherwise.
 */
@Command(name = "dqn", description = "DQN balances CartPole until the mean return of 100 episodes reaches --goal.")
public final class Dqn implements Callable<Integer> {
    @Option(
            names = "--episodes",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "the most episodes to train (default: ${DEFAULT-VALUE})")
    int episodes = 1000;

    @Option(
            names = "--max-steps",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "stop after the episode that passes this many steps (default: no limit)")
    Integer maxSteps;

    @Option(
            names = "--goal",
            paramLabel = "X",
            converter = Ranges.NonNegativeReal.class,
            description = "stop once the mean return of the last 100 episodes reaches this (default: ${DEFAULT-VALUE})")
    double goal = 195;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "transitions replayed per update (default: ${DEFAULT-VALUE})")
    int batchSize = 64;

    @Option(
            names = "--lr",
            paramLabel = "X",
            converter = Ranges.PositiveReal.class,
            description = "learning rate (default: ${DEFAULT-VALUE})")
    double lr = 5e-4;

    @Option(
            names = "--gamma",
            paramLabel = "X",
            converter = Ranges.UnitInterval.class,
            description = "discount factor (default: ${DEFAULT-VALUE})")
    double gamma = 0.99;

    @Option(
            names = "--buffer",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "replay buffer capacity in transitions (default: ${DEFAULT-VALUE})")
    int buffer = 50000;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            converter = Ranges.NonNegativeInt.class,
            description = "transitions collected before the first update (default: ${DEFAULT-VALUE})")
    int warmup = 1000;

    @Option(
            names = "--epsilon-end",
            paramLabel = "X",
            converter = Ranges.UnitInterval.class,
            description = "final exploration rate (default: ${DEFAULT-VALUE})")
    double epsilonEnd = 0.05;

    @Option(
            names = "--epsilon-steps",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "steps over which epsilon falls from 1 (default: ${DEFAULT-VALUE})")
    int epsilonSteps = 10000;

    @Option(
            names = "--target-sync",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "steps between copies of the online network to the target (default: ${DEFAULT-VALUE})")
    int targetSync = 500;

    @Option(
            names = "--eval-episodes",
            paramLabel = "N",
            converter = Ranges.NonNegativeInt.class,
            description = "greedy episodes played after training (default: ${DEFAULT-VALUE})")
    int evalEpisodes = 100;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "random seed: the same seed gives the same run (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "folder for the metrics CSV and the plots (default: ${DEFAULT-VALUE})")
    Path out = Path.of("out", "dqn");

    @Mixin
    final BackendOption backend = new BackendOption();

    @Override
    public Integer call() {
        // Its 64x128 batches are too small for threads to pay (the README has the figures).
        if (System.getProperty(Threads.PROPERTY) == null) {
            Threads.set(1);
        }
        Generator.manualSeed(seed);
        DqnAgent.Result result = new DqnAgent(this).train();
        WrittenFiles.print(out, "metrics.csv", "returns.png", "loss.png");
        System.out.printf(Locale.ROOT, "average return: %.1f%n", result.average());
        return 0;
    }
}
