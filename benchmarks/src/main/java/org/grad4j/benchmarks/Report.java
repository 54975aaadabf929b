package org.grad4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a short profile of every benchmark and prints Markdown tables with the ratios that
 * matter (native ÷ OpenBLAS, Java ÷ native, and libtorch ÷ native for the training steps when
 * the benchmarks were built with {@code -Plibtorch}), all measured in this one run:
 * {@code java -cp benchmarks/target/benchmarks.jar org.grad4j.benchmarks.Report [--only gemm,conv]
 * [--seconds 1] [--out dir]}. JMH's JSON results go to {@code --out} (default
 * {@code benchmarks/target/report}). When {@code OPENBLAS_CORETYPE} is set, the GEMM table is run
 * again in a child process without it, so both OpenBLAS kernel choices are shown. The benchmark
 * JVMs get the options of {@link BenchmarkJvm}: a fixed 2 GiB pre-touched heap and the Vector API.
 */
public final class Report {
    private Report() {}

    public static void main(String[] args) throws IOException, InterruptedException, RunnerException {
        Map<String, String> options = parse(args);
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "1"));
        Path out = Path.of(options.getOrDefault("out", "benchmarks/target/report"));
        Files.createDirectories(out);
        List<String> only =
                options.containsKey("only") ? Arrays.asList(options.get("only").split(",")) : null;
        if (options.containsKey("child")) {
            only = List.of(options.get("child"));
        } else {
            System.out.println(Machine.describe());
        }
        for (Section section : Sections.all()) {
            if (only != null ? only.contains(section.name()) : !section.name().endsWith("-auto")) {
                System.out.println();
                System.out.println("### " + section.title());
                System.out.println();
                System.out.print(section.table().render(run(section, seconds, out)));
            }
        }
        if (only == null && System.getenv("OPENBLAS_CORETYPE") != null) {
            runWithoutCoreType(seconds, out);
        }
    }

    private static Results run(Section section, double seconds, Path out) throws RunnerException {
        TimeValue time = TimeValue.milliseconds(Math.round(seconds * 1000));
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include(section.include())
                .forks(1)
                .jvmArgsAppend(BenchmarkJvm.options())
                .warmupIterations(2)
                .warmupTime(time)
                .measurementIterations(3)
                .measurementTime(time)
                .shouldFailOnError(true)
                .result(out.resolve(section.name() + ".json").toString())
                .resultFormat(ResultFormatType.JSON)
                .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT);
        section.params().forEach(o::param);
        System.err.println("benchmarks: running " + section.name() + " ...");
        return new Results(new Runner(o.build()).run());
    }

    /** The OpenBLAS-only GEMM rows again in a child JVM whose environment leaves OpenBLAS to pick its kernels. */
    private static void runWithoutCoreType(double seconds, Path out) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Report.class.getName(),
                        "--child",
                        "gemm-auto",
                        "--seconds",
                        Double.toString(seconds),
                        "--out",
                        out.toString())
                .inheritIO();
        child.environment().remove("OPENBLAS_CORETYPE");
        child.environment().remove("OPENBLAS_L2_SIZE");
        int status = child.start().waitFor();
        if (status != 0) {
            throw new IllegalStateException(
                    "benchmarks: the run without OPENBLAS_CORETYPE failed with status " + status);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> known = List.of("only", "seconds", "out", "child");
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!known.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("Report: usage: [--only " + String.join(",", sectionNames())
                        + "] [--seconds 1] [--out dir]; got '" + args[i] + "'");
            }
            options.put(name, args[i + 1]);
        }
        return options;
    }

    private static List<String> sectionNames() {
        List<String> names = new ArrayList<>();
        Sections.all().forEach(s -> names.add(s.name()));
        return names;
    }

    /** A number with three significant digits, or "–" when it was not measured. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v >= 100
                ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 10
                        ? String.format(Locale.ROOT, "%.1f", v)
                        : v >= 1 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    static String ratio(double numerator, double denominator) {
        return Double.isNaN(numerator) || Double.isNaN(denominator)
                ? "–"
                : String.format(Locale.ROOT, "%.2f", numerator / denominator);
    }
}
