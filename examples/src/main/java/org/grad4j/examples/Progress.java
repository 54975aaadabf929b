package org.grad4j.examples;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of one epoch: a bar with steps, loss, samples/s and ETA on a terminal (from the
 * progressbar library); when output is not a terminal, nothing until {@link #close()}, which
 * prints one summary line.
 */
public final class Progress implements AutoCloseable {
    private final String task;
    private final ProgressBar bar;
    private final long start = System.nanoTime();
    private long samples;
    private double lossSum;
    private long steps;

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

    /** One step done over {@code batchSamples} samples with this loss. */
    public void step(int batchSamples, float loss) {
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
        System.out.printf(
                Locale.ROOT,
                "%s: loss %.4f, %,.0f samples/s, %.1f s%n",
                task,
                meanLoss(),
                samplesPerSecond(),
                seconds());
    }
}
