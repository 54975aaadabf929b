package org.grad4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spark tables: Spark's own per-step costs ({@code spark-overhead}) and one epoch of
 * {@code spark-mlp}, each on {@code local[2]} (tasks as threads of the driver's JVM) and on
 * {@code local-cluster[2,1,2048]} (two executor JVMs, started from a Spark home whose {@code jars/}
 * holds the examples' jar), each in a JVM of its own started as a user starts it.
 */
final class SparkRuns {
    static final String TITLE = "Data-parallel training on Spark: per-step costs and one epoch of spark-mlp";
    private static final Path JAR = Path.of("spark/examples/target/grad4j-spark-examples.jar");
    private static final List<String> MASTERS = List.of("local[2]", "local-cluster[2,1,2048]");
    private static final int LOCAL_STEPS = 8;
    private static final Pattern PART =
            Pattern.compile("^(job|broadcast|gradients): ([-\\d.]+) ms$", Pattern.MULTILINE);
    private static final Pattern EPOCH = Pattern.compile(
            "^epoch 1/1: loss \\S+, ([\\d,]+) samples/s, ([\\d.]+) s; per (?:step|round of \\d+ steps) "
                    + "([\\d.]+) ms = ([\\d.]+) ms computing \\+ ([\\d.]+) ms in Spark$",
            Pattern.MULTILINE);
    private static final Pattern SECOND_EPOCH =
            Pattern.compile("^epoch 2/2: loss \\S+, ([\\d,]+) samples/s", Pattern.MULTILINE);
    private static final Pattern ACCURACY = Pattern.compile("^test accuracy: ([\\d.]+)$", Pattern.MULTILINE);

    private SparkRuns() {}

    static String table(Path out) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("benchmarks: " + JAR.toAbsolutePath()
                    + " is missing; run the report from the repository's root after mvn -B install -DskipTests");
        }
        Path home = sparkHome(out);
        StringBuilder parts = new StringBuilder(
                "| master | job of 2 tasks | broadcast of the parameters | gradients back and summed | per step |\n"
                        + "|---|---|---|---|---|\n");
        double step = 0;
        double round = 0;
        StringBuilder epochs = new StringBuilder("| master | mode | s per epoch | samples/s | per step | computing "
                + "| in Spark | test accuracy |\n|---|---|---|---|---|---|---|---|\n");
        for (String master : MASTERS) {
            System.err.println("benchmarks: measuring Spark's per-step costs on " + master + " ...");
            String printed = run(home, List.of("spark-overhead", "--master", master));
            double job = part(printed, "job");
            double broadcast = part(printed, "broadcast");
            double gradients = part(printed, "gradients");
            parts.append(String.format(
                    Locale.ROOT,
                    "| %s | %s ms | %s ms | %s ms | %s ms |%n",
                    master,
                    Report.num(job),
                    Report.num(broadcast),
                    Report.num(gradients),
                    Report.num(job + broadcast + gradients)));
            for (boolean local : new boolean[] {false, true}) {
                List<String> args = new ArrayList<>(List.of(
                        "spark-mlp",
                        "--master",
                        master,
                        "--epochs",
                        "1",
                        "--out",
                        out.resolve("spark-mlp").toString()));
                if (local) {
                    args.addAll(List.of("--local-steps", String.valueOf(LOCAL_STEPS)));
                }
                System.err.println(
                        "benchmarks: training spark-mlp on " + master + (local ? ", local SGD" : "") + " ...");
                String trained = run(home, args);
                epochs.append(epochRow(master, local, trained));
                if (local) {
                    round = stepOrRound(trained);
                } else {
                    step = stepOrRound(trained);
                }
            }
        }
        return "Spark's costs per synchronous step, for the MLP's 355,110 parameters (medians of 100 steps):\n\n"
                + parts + "\nOne epoch of `spark-mlp` (batch 128, 469 steps):\n\n" + epochs + "\n"
                + model(step, round, oneCoreStep(out));
    }

    private static String epochRow(String master, boolean local, String printed) {
        Matcher m = EPOCH.matcher(printed);
        Matcher accuracy = ACCURACY.matcher(printed);
        if (!m.find() || !accuracy.find()) {
            throw new IllegalStateException("benchmarks: spark-mlp printed no epoch or accuracy line:\n" + printed);
        }
        String per = local ? "per round of " + LOCAL_STEPS + " steps: " : "";
        return String.join(
                        " | ",
                        "| " + master,
                        local ? "local SGD, " + LOCAL_STEPS + " steps" : "synchronous",
                        m.group(2),
                        m.group(1),
                        per + m.group(3) + " ms",
                        m.group(4) + " ms",
                        m.group(5) + " ms",
                        accuracy.group(1))
                + " |\n";
    }

    /** A synchronous step's or a local-SGD round's wall time, from spark-mlp's epoch line. */
    private static double stepOrRound(String printed) {
        Matcher m = EPOCH.matcher(printed);
        if (!m.find()) {
            throw new IllegalStateException("benchmarks: spark-mlp printed no epoch line:\n" + printed);
        }
        return Double.parseDouble(m.group(3));
    }

    /** The single-process mlp step on one thread, ms: from its second epoch, warm. */
    private static double oneCoreStep(Path out) throws IOException, InterruptedException {
        System.err.println("benchmarks: training mlp on one thread for the Spark model ...");
        String printed = ChildJvm.run(
                List.of(
                        "-Dgrad4j.threads=1",
                        "-jar",
                        "examples/target/grad4j-examples.jar",
                        "mlp",
                        "--epochs",
                        "2",
                        "--out",
                        out.resolve("mlp-one-core").toString()),
                false);
        Matcher m = SECOND_EPOCH.matcher(printed);
        if (!m.find()) {
            throw new IllegalStateException("benchmarks: mlp printed no second epoch line:\n" + printed);
        }
        return 128e3 / Double.parseDouble(m.group(1).replace(",", ""));
    }

    /**
     * Samples/s that the model of docs/spark.md predicts for N executors, B / (S / k + C / N): C is
     * one core's step of the single-process mlp; S what a synchronous step on the last master took
     * beyond its share of C (C / 2 on 2 executors), and for local SGD what a round of k steps took
     * beyond its k shares; and for a model whose step computes 100 times as long.
     */
    private static String model(double step, double round, double c) {
        double spark = step - c / 2;
        double sparkPerRound = round - LOCAL_STEPS * c / 2;
        StringBuilder t = new StringBuilder(String.format(
                Locale.ROOT,
                "The model of [docs/spark.md](spark.md), samples/s = B / (S / k + C / N), with B = 128, C = %s ms"
                        + " (one core's step of the single-process `mlp`, its second epoch on one thread) and S ="
                        + " %s ms (the last master's synchronous step less C / 2; for local SGD, %s ms: its round"
                        + " of k steps less k C / 2); one process computes %,.0f samples/s with C and %,.0f with"
                        + " 100 × C:%n%n| executors N | synchronous | local SGD, k = %d | synchronous, a step of"
                        + " 100 × C |%n|---|---|---|---|%n",
                Report.num(c),
                Report.num(spark),
                Report.num(sparkPerRound),
                128e3 / c,
                128e3 / (100 * c),
                LOCAL_STEPS));
        for (int n = 1; n <= 64; n *= 4) {
            t.append(String.format(
                    Locale.ROOT,
                    "| %d | %,.0f | %,.0f | %,.0f |%n",
                    n,
                    128e3 / (spark + c / n),
                    128e3 / (sparkPerRound / LOCAL_STEPS + c / n),
                    128e3 / (spark + 100 * c / n)));
        }
        return t.toString();
    }

    private static double part(String printed, String name) {
        return PART.matcher(printed)
                .results()
                .filter(m -> m.group(1).equals(name))
                .mapToDouble(m -> Double.parseDouble(m.group(2)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "benchmarks: spark-overhead printed no " + name + " line:\n" + printed));
    }

    /** A Spark home for local-cluster's workers: {@code jars/} holds the examples' jar. */
    private static Path sparkHome(Path out) throws IOException {
        Path jars = Files.createDirectories(out.resolve("spark-home/jars"));
        Path link = jars.resolve(JAR.getFileName());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, JAR.toAbsolutePath());
        return jars.getParent();
    }

    private static String run(Path home, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("-jar", JAR.toString()));
        command.addAll(args);
        return ChildJvm.run(
                command,
                false,
                Map.of(
                        "SPARK_HOME", home.toAbsolutePath().toString(),
                        "SPARK_SCALA_VERSION", "2.13",
                        "SPARK_LOCAL_IP", "127.0.0.1"));
    }
}
