package org.grad4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * The README's speed summary: rows quoted from the report's tables, written between two marker
 * comments in README.md so that the README cannot hold figures the report did not measure.
 */
final class ReadmeSummary {
    static final String BEGIN = "<!-- benchmarks summary: written by org.grad4j.benchmarks.Report -->";
    static final String END = "<!-- end of benchmarks summary -->";

    /** A table of the report and which of its rows the summary quotes. */
    private record Quote(String table, Predicate<String> row) {}

    private static final List<Quote> QUOTES = List.of(
            new Quote("examples", row -> true),
            new Quote("gemm", row -> row.startsWith("| 1024 |")),
            new Quote("gemm-auto", row -> row.startsWith("| 1024 |")),
            new Quote("gemm-avx2", row -> row.startsWith("| 1024 |")),
            new Quote("conv", row -> row.startsWith("| 64x32-64@14 |") || row.contains("FmaPeak")),
            new Quote("train", row -> true),
            new Quote("compiled", row -> true),
            new Quote("threads", row -> true),
            new Quote("overhead", row -> true),
            new Quote("checkpoint", row -> true),
            new Quote("onnx", row -> true));

    private ReadmeSummary() {}

    static String render(ReportDocument report) {
        StringBuilder summary = new StringBuilder(report.machine()).append('\n');
        for (Quote quote : QUOTES) {
            for (ReportDocument.Table table : report.tables()) {
                if (table.name().equals(quote.table())) {
                    List<String> lines = table.markdown().lines().toList();
                    summary.append("\n").append(table.title()).append(":\n\n");
                    summary.append(lines.get(0))
                            .append('\n')
                            .append(lines.get(1))
                            .append('\n');
                    lines.stream()
                            .skip(2)
                            .filter(quote.row())
                            .forEach(l -> summary.append(l).append('\n'));
                }
            }
        }
        return summary.toString();
    }

    /** Fails unless {@code readme} has the two markers, in order. */
    static void check(Path readme) throws IOException {
        String text = Files.readString(readme);
        int begin = text.indexOf(BEGIN);
        if (begin < 0 || text.indexOf(END, begin) < 0) {
            throw new IllegalStateException("benchmarks: " + readme + " has no summary block (a line '" + BEGIN
                    + "', later a line '" + END + "'); add them where the summary goes");
        }
    }

    /** Replaces what stands between the markers in {@code readme} with the summary of {@code report}. */
    static void update(Path readme, ReportDocument report) throws IOException {
        check(readme);
        String text = Files.readString(readme);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END, begin);
        Files.writeString(
                readme, text.substring(0, begin + BEGIN.length()) + "\n" + render(report) + text.substring(end));
    }
}
