package org.grad4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Runs a short profile of every benchmark and writes {@code docs/benchmarks.md}: a line naming the
 * machine, JDK and date, then Markdown tables with the ratios that matter (native ÷ OpenBLAS, Java ÷
 * native, and libtorch ÷ native for the training steps when the benchmarks were built with
 * {@code -Plibtorch}), all measured in this one run; it also rewrites the README's speed summary,
 * which quotes those tables. {@code java -cp benchmarks/target/benchmarks.jar
 * org.grad4j.benchmarks.Report [--seconds 1] [--out dir] [--doc docs/benchmarks.md] [--readme
 * README.md]}, from the repository's root. {@code --only gemm,conv,...} runs some sections and only
 * prints their tables. JMH's JSON results go to {@code --out} (default {@code
 * benchmarks/target/report}). {@link GemmOverhead} runs in a child JVM twice: against the library's
 * own GEMM, and against OpenBLAS in an environment without {@code OPENBLAS_CORETYPE}, so that
 * OpenBLAS picks its kernels for this CPU; a third time on the library's AVX2 micro-kernels against
 * OpenBLAS as CI pins it; {@link CompiledSteps}, {@link ThreadScaling} and
 * {@link CheckpointMemory} run in child JVMs too. The benchmark JVMs get the options of
 * {@link BenchmarkJvm}: a fixed 2 GiB pre-touched heap and the Vector API.
 */
public final class Report {
    static final String AUTO = "gemm-auto";
    static final String AVX2 = "gemm-avx2";
    static final String OVERHEAD = "overhead";
    static final String EXAMPLES = "examples";
    static final String CHECKPOINT = "checkpoint";
    static final String COMPILED = "compiled";
    static final String THREADS = "threads";
    static final String ONNX = "onnx";
    static final String SPARK = "spark";
    private static final String AUTO_TITLE = "Tensor.matmul against OpenBLAS with OPENBLAS_CORETYPE unset (OpenBLAS"
            + " picks its kernels), alternating rounds in one JVM (µs per call)";
    private static final String AVX2_TITLE = "Tensor.matmul on the AVX2 micro-kernels (as on a CPU without AVX-512)"
            + " against OpenBLAS on its own threads, alternating rounds in one JVM (µs per call)";
    private static final String OVERHEAD_TITLE =
            "Tensor.matmul against the native library's GEMM called directly, in one JVM (µs per call)";
    private static final String CHECKPOINT_TITLE = "Activation checkpointing on a 64-layer MLP";
    private static final String ONNX_TITLE =
            "Inference of an imported ONNX model: grad4j against ONNX Runtime, alternating rounds in one JVM (ms per call)";
    private static final String COMPILED_TITLE =
            "Compiled against eager training steps, alternating rounds in one JVM (native, ms per step)";
    private static final String THREADS_TITLE =
            "Eager training steps on one thread and on all, alternating rounds in one JVM (native, ms per step)";

    private Report() {}

    public static void main(String[] args) throws IOException, InterruptedException, RunnerException {
        Map<String, String> options = parse(args);
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "1"));
        Path out = Path.of(options.getOrDefault("out", "benchmarks/target/report"));
        Files.createDirectories(out);
        String machine = Machine.describe();
        System.out.println(machine);
        if (options.containsKey("only")) {
            for (String name : options.get("only").split(",")) {
                String table = switch (name) {
                    case AUTO -> gemmAuto();
                    case AVX2 -> gemmAvx2();
                    case OVERHEAD -> overhead();
                    case CHECKPOINT -> checkpoint();
                    case COMPILED -> compiled();
                    case THREADS -> threads();
                    case ONNX -> onnx();
                    case EXAMPLES -> ExampleRuns.table(out);
                    case SPARK -> SparkRuns.table(out);
                    default -> table(section(name), seconds, out);
                };
                System.out.println();
                System.out.print(table);
            }
            return;
        }
        Path docFile = Path.of(options.getOrDefault("doc", "docs/benchmarks.md"));
        Path readme = Path.of(options.getOrDefault("readme", "README.md"));
        ReadmeSummary.check(readme);
        ExampleRuns.check();
        ReportDocument doc = new ReportDocument(machine, run(seconds));
        for (Section section : Sections.all()) {
            doc.add(section.name(), section.title(), table(section, seconds, out));
        }
        doc.add(OVERHEAD, OVERHEAD_TITLE, overhead());
        doc.add(AUTO, AUTO_TITLE, gemmAuto());
        doc.add(AVX2, AVX2_TITLE, gemmAvx2());
        doc.add(COMPILED, COMPILED_TITLE, compiled());
        doc.add(THREADS, THREADS_TITLE, threads());
        doc.add(CHECKPOINT, CHECKPOINT_TITLE, checkpoint());
        doc.add(ONNX, ONNX_TITLE, onnx());
        doc.add(EXAMPLES, ExampleRuns.TITLE, ExampleRuns.table(out));
        doc.add(SPARK, SparkRuns.TITLE, SparkRuns.table(out));
        doc.write(docFile);
        System.out.println(doc.render());
        System.err.println("benchmarks: wrote " + docFile);
        ReadmeSummary.update(readme, doc);
        System.err.println("benchmarks: updated the summary in " + readme);
    }

    /** How this run was started, for the document's header. */
    private static String run(double seconds) {
        return "Run as `java -cp benchmarks/target/benchmarks.jar org.grad4j.benchmarks.Report --seconds " + seconds
                + "`, built with `mvn -B install -DskipTests" + (LibtorchTrainStep.available() ? " -Plibtorch" : "")
                + "`.";
    }

    private static String table(Section section, double seconds, Path out) throws RunnerException {
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
        return section.table().render(new Results(new Runner(o.build()).run()));
    }

    private static String overhead() throws IOException, InterruptedException {
        System.err.println("benchmarks: running " + OVERHEAD + " ...");
        List<String> jvm = ChildJvm.concat(List.of(BenchmarkJvm.options()), ChildJvm.onClassPath(GemmOverhead.class));
        return tableLines(ChildJvm.run(ChildJvm.concat(jvm, List.of("--rounds", "11", "--table")), false));
    }

    private static String gemmAuto() throws IOException, InterruptedException {
        System.err.println("benchmarks: running " + AUTO + " ...");
        List<String> jvm = ChildJvm.concat(List.of(BenchmarkJvm.options()), ChildJvm.onClassPath(GemmOverhead.class));
        List<String> program = List.of("--reference", "openblas", "--sizes", "1024,2048", "--rounds", "11", "--table");
        return tableLines(ChildJvm.run(ChildJvm.concat(jvm, program), true));
    }

    private static String gemmAvx2() throws IOException, InterruptedException {
        System.err.println("benchmarks: running " + AVX2 + " ...");
        List<String> jvm = ChildJvm.concat(
                ChildJvm.concat(List.of(BenchmarkJvm.options()), List.of("-Dgrad4j.isa=avx2")),
                ChildJvm.onClassPath(GemmOverhead.class));
        List<String> program = List.of("--reference", "openblas", "--sizes", "1024", "--rounds", "11", "--table");
        return tableLines(ChildJvm.run(ChildJvm.concat(jvm, program), false));
    }

    private static String checkpoint() throws IOException, InterruptedException {
        System.err.println("benchmarks: running " + CHECKPOINT + " ...");
        List<String> jvm =
                ChildJvm.concat(List.of(BenchmarkJvm.options()), ChildJvm.onClassPath(CheckpointMemory.class));
        return tableLines(ChildJvm.run(ChildJvm.concat(jvm, List.of("--rounds", "5", "--table")), false));
    }

    private static String compiled() throws IOException, InterruptedException {
        System.err.println("benchmarks: running " + COMPILED + " ...");
        List<String> jvm = ChildJvm.concat(List.of(BenchmarkJvm.options()), ChildJvm.onClassPath(CompiledSteps.class));
        return tableLines(ChildJvm.run(ChildJvm.concat(jvm, List.of("--rounds", "7", "--table")), false));
    }

    private static String threads() throws IOException, InterruptedException {
        System.err.println("benchmarks: running " + THREADS + " ...");
        List<String> jvm = ChildJvm.concat(List.of(BenchmarkJvm.options()), ChildJvm.onClassPath(ThreadScaling.class));
        return tableLines(ChildJvm.run(ChildJvm.concat(jvm, List.of("--rounds", "7", "--table")), false));
    }

    private static String onnx() throws IOException, InterruptedException {
        System.err.println("benchmarks: running " + ONNX + " ...");
        List<String> jvm = ChildJvm.concat(List.of(BenchmarkJvm.options()), ChildJvm.onClassPath(OnnxInference.class));
        return tableLines(ChildJvm.run(ChildJvm.concat(jvm, List.of("--rounds", "7", "--table")), false));
    }

    /** The Markdown table in what a child printed, without the JVM warnings JMH's forks add to it. */
    private static String tableLines(String printed) {
        StringBuilder table = new StringBuilder();
        printed.lines()
                .filter(l -> l.startsWith("|"))
                .forEach(l -> table.append(l).append('\n'));
        return table.toString();
    }

    private static Section section(String name) {
        return Sections.all().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Report: no section '" + name + "'; have " + String.join(",", sectionNames())));
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> known = List.of("only", "seconds", "out", "doc", "readme");
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!known.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("Report: usage: [--only " + String.join(",", sectionNames())
                        + "] [--seconds 1] [--out dir] [--doc docs/benchmarks.md] [--readme README.md]; got '" + args[i]
                        + "'");
            }
            options.put(name, args[i + 1]);
        }
        return options;
    }

    private static List<String> sectionNames() {
        List<String> names = new ArrayList<>();
        Sections.all().forEach(s -> names.add(s.name()));
        names.add(AUTO);
        names.add(AVX2);
        names.add(OVERHEAD);
        names.add(COMPILED);
        names.add(THREADS);
        names.add(CHECKPOINT);
        names.add(ONNX);
        names.add(EXAMPLES);
        names.add(SPARK);
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
