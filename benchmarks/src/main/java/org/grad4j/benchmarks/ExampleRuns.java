package org.grad4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.grad4j.backend.Threads;

/**
 * The epoch table: the {@code mlp}, {@code cnn} and {@code rnn} examples trained on real
 * Fashion-MNIST for {@value #EPOCHS} epochs, each in a JVM of its own started as a user starts
 * them (no {@code -Xmx}; the Vector API, which the Java backend's GEMM uses), on the native and the Java backend, and, when the benchmarks were built
 * with {@code -Plibtorch}, the same models, batches and optimizer in libtorch with flush-to-zero
 * ({@link LibtorchEpochs}); with seconds per epoch and samples/s (medians over the epochs), the
 * last epoch's seconds, test accuracy and peak resident memory read from what they print.
 */
final class ExampleRuns {
    static final int EPOCHS = 5;
    static final String TITLE =
            "Training the examples on Fashion-MNIST: one epoch is 60,000 images (median of " + EPOCHS + " epochs)";
    private static final Path JAR = Path.of("examples/target/grad4j-examples.jar");
    private static final Pattern EPOCH = Pattern.compile(
            "^epoch \\d+/\\d+: loss \\S+, ([\\d,]+) samples/s, [\\d.]+ s(?:, ([\\d.]+) % outside steps)?$",
            Pattern.MULTILINE);
    private static final Pattern ACCURACY = Pattern.compile("^test accuracy: ([\\d.]+)$", Pattern.MULTILINE);
    private static final Pattern PEAK = Pattern.compile("^peak resident memory: (\\d+) MB$", Pattern.MULTILINE);
    private static final int TRAINING_IMAGES = 60_000;
    private static final String LIBTORCH = "libtorch";
    private static final String NATIVE_ONE_THREAD = "native-1";

    private ExampleRuns() {}

    /** Fails unless the examples' jar is where the README's first command finds it. */
    static void check() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("benchmarks: " + JAR.toAbsolutePath()
                    + " is missing; run the report from the repository's root after mvn -B install -DskipTests");
        }
    }

    static String table(Path out) throws IOException, InterruptedException {
        check();
        StringBuilder t =
                new StringBuilder("| example | runs on | s per epoch | last epoch s | samples/s | outside steps "
                        + "| test accuracy | peak resident MB | ÷ native |\n|---|---|---|---|---|---|---|---|---|\n");
        for (String example : new String[] {"mlp", "cnn", "rnn"}) {
            double nativeSeconds = 0;
            for (String backend : backends()) {
                System.err.println("benchmarks: training " + example + " on " + backend + " ...");
                String printed = ChildJvm.run(command(example, backend, out), false);
                double seconds = TRAINING_IMAGES / median(example, printed, 1);
                if (backend.equals("native")) {
                    nativeSeconds = seconds;
                }
                t.append(row(example, backend, seconds, nativeSeconds, printed)).append('\n');
            }
        }
        return t.toString();
    }

    /** The JVM's arguments for one row: the example's jar, or libtorch's program. */
    private static List<String> command(String example, String backend, Path out) {
        String epochs = String.valueOf(EPOCHS);
        if (backend.equals(LIBTORCH)) {
            return ChildJvm.concat(
                    ChildJvm.onClassPath(LibtorchEpochs.class), List.of("--model", example, "--epochs", epochs));
        }
        String threads = backend.equals(NATIVE_ONE_THREAD) ? "1" : String.valueOf(Threads.get());
        List<String> jvm = new ArrayList<>(List.of("-Dgrad4j.threads=" + threads, BenchmarkJvm.VECTOR_API));
        BenchmarkJvm.isa().ifPresent(jvm::add);
        return ChildJvm.concat(
                jvm,
                List.of(
                        "-jar",
                        JAR.toString(),
                        example,
                        "--backend",
                        backend.equals(NATIVE_ONE_THREAD) ? "native" : backend,
                        "--epochs",
                        epochs,
                        "--out",
                        out.resolve(example + "-" + backend).toString()));
    }

    private static List<String> backends() {
        List<String> backends = new ArrayList<>(List.of("native", NATIVE_ONE_THREAD, "java"));
        if (LibtorchTrainStep.available()) {
            backends.add(LIBTORCH);
        }
        return backends;
    }

    private static String row(String example, String backend, double seconds, double nativeSeconds, String printed) {
        String peak = PEAK.matcher(printed).find() ? last(PEAK, example, printed) : "–";
        return String.join(
                        " | ",
                        "| " + example,
                        label(backend),
                        Report.num(seconds),
                        Report.num(TRAINING_IMAGES / lastEpoch(example, printed)),
                        String.format(Locale.ROOT, "%,.0f", TRAINING_IMAGES / seconds),
                        outside(example, printed),
                        last(ACCURACY, example, printed),
                        peak,
                        Report.num(seconds / nativeSeconds))
                + " |";
    }

    private static String label(String backend) {
        return switch (backend) {
            case LIBTORCH -> "libtorch 2.7.1, flush-to-zero";
            case NATIVE_ONE_THREAD -> "native, 1 thread";
            default -> backend;
        };
    }

    /** The median share of an epoch outside the steps, where the epoch lines give it. */
    private static String outside(String example, String printed) {
        boolean given = EPOCH.matcher(printed).results().allMatch(m -> m.group(2) != null);
        return given ? String.format(Locale.ROOT, "%.1f %%", median(example, printed, 2)) : "–";
    }

    /** The median over the epochs of a number each epoch line gives: samples/s (1) or % outside steps (2). */
    private static double median(String example, String printed, int group) {
        double[] perEpoch = EPOCH.matcher(printed)
                .results()
                .mapToDouble(m -> Double.parseDouble(m.group(group).replace(",", "")))
                .sorted()
                .toArray();
        if (perEpoch.length == 0) {
            throw new IllegalStateException("benchmarks: " + example + " printed no epoch line:\n" + printed);
        }
        return perEpoch[perEpoch.length / 2];
    }

    /** The last epoch's samples/s: the JIT compiler has compiled the step's code by then. */
    private static double lastEpoch(String example, String printed) {
        return Double.parseDouble(last(EPOCH, example, printed).replace(",", ""));
    }

    private static String last(Pattern line, String example, String printed) {
        return line.matcher(printed)
                .results()
                .reduce((a, b) -> b)
                .map(m -> m.group(1))
                .orElseThrow(() -> new IllegalStateException(
                        "benchmarks: " + example + " printed no line matching " + line + ":\n" + printed));
    }
}
