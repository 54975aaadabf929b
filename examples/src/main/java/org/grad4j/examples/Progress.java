package org.grad4j.examples;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of one epoch: a bar with steps, loss, samples/s and ETA on a terminal (from the
 * progressbar library); when output is not a terminal, nothing until {@link #close()}, which
 * prints one summary line. Where the loop calls {@link #begin()} as each step begins, the line also
 * says which share of the epoch went outside the steps (waiting for batches, printing).
 */
public final class Progress implements AutoCloseable {
    private final String task;
    private final ProgressBar bar;
    private final long start = System.nanoTime();
    private long samples;
    private double lossSum;
    private long steps;
    private long stepBegin = -1;
    private long inSteps;

    public Progress(String task, long totalSteps) {
        this.task = task;
        this.bar = System.console() == null
                ? null
                : new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(totalSteps)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(250)
                        .continuousUpdate()
                        .build();
    }

    /** A step begins: the time until {@link #step} counts as the step's. */
    public void begin() {
        stepBegin = System.nanoTime();
    }

    /** One step done over {@code batchSamples} samples with this loss. */
    public void step(int batchSamples, float loss) {
        if (stepBegin >= 0) {
            inSteps += System.nanoTime() - stepBegin;
            stepBegin = -1;
        }
        samples += batchSamples;
        lossSum += loss;
        steps++;
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(
                    String.format(Locale.ROOT, " loss %.4f  %,.0f samples/s", lossSum / steps, samplesPerSecond()));
        }
    }

    public double meanLoss() {
        return steps == 0 ? Double.NaN : lossSum / steps;
    }

    public double samplesPerSecond() {
        double seconds = (System.nanoTime() - start) / 1e9;
        return seconds == 0 ? 0 : samples / seconds;
    }

    public double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
        long elapsed = System.nanoTime() - start;
        System.out.printf(
                Locale.ROOT,
                "%s: loss %.4f, %,.0f samples/s, %.1f s%s%n",
                task,
                meanLoss(),
                samplesPerSecond(),
                elapsed / 1e9,
                inSteps == 0
                        ? ""
                        : String.format(Locale.ROOT, ", %.1f %% outside steps", 100.0 * (elapsed - inSteps) / elapsed));
    }
}
