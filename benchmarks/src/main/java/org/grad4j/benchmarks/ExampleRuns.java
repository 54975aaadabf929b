package org.grad4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The README's first command and its sibling: the {@code mlp} and {@code cnn} examples trained
 * with their defaults on Fashion-MNIST, each in a JVM of its own started as the README starts it,
 * with time per epoch, test accuracy and peak resident memory read from what they print.
 */
final class ExampleRuns {
    static final String TITLE = "Training the examples on Fashion-MNIST";
    private static final Path JAR = Path.of("examples/target/grad4j-examples.jar");
    private static final Pattern EPOCH =
            Pattern.compile("^epoch \\d+/\\d+: loss \\S+, ([\\d,]+) samples/s, ([\\d.]+) s$", Pattern.MULTILINE);
    private static final Pattern ACCURACY = Pattern.compile("^test accuracy: ([\\d.]+)$", Pattern.MULTILINE);
    private static final Pattern PEAK = Pattern.compile("^peak resident memory: (\\d+) MB$", Pattern.MULTILINE);

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
        StringBuilder t = new StringBuilder("| example | epochs | s per epoch (median) | samples/s (median) "
                + "| test accuracy | peak resident MB |\n|---|---|---|---|---|---|\n");
        for (String example : new String[] {"mlp", "cnn"}) {
            System.err.println("benchmarks: training " + example + " ...");
            String printed = ChildJvm.run(
                    List.of(
                            "-Xmx512m",
                            "-jar",
                            JAR.toString(),
                            example,
                            "--out",
                            out.resolve(example).toString()),
                    false);
            t.append(row(example, printed)).append('\n');
        }
        return t.toString();
    }

    private static String row(String example, String printed) {
        List<double[]> perEpoch = EPOCH.matcher(printed)
                .results()
                .map(m ->
                        new double[] {Double.parseDouble(m.group(1).replace(",", "")), Double.parseDouble(m.group(2))})
                .toList();
        if (perEpoch.isEmpty()) {
            throw new IllegalStateException("benchmarks: " + example + " printed no epoch line:\n" + printed);
        }
        double samplesPerSecond =
                median(perEpoch.stream().mapToDouble(e -> e[0]).toArray());
        double seconds = median(perEpoch.stream().mapToDouble(e -> e[1]).toArray());
        return String.join(
                        " | ",
                        "| " + example,
                        String.valueOf(perEpoch.size()),
                        Report.num(seconds),
                        String.format(Locale.ROOT, "%,.0f", samplesPerSecond),
                        last(ACCURACY, example, printed),
                        last(PEAK, example, printed))
                + " |";
    }

    private static String last(Pattern line, String example, String printed) {
        return line.matcher(printed)
                .results()
                .reduce((a, b) -> b)
                .map(m -> m.group(1))
                .orElseThrow(() -> new IllegalStateException(
                        "benchmarks: " + example + " printed no line matching " + line + ":\n" + printed));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
