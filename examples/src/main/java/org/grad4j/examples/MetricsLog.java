package org.grad4j.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Metrics per epoch (or per episode, or any other step): appended to a CSV file as they come, and
 * drawn as training curves (one PNG per metric group) with XChart.
 */
public final class MetricsLog {
    private final String step;
    private final Path dir;
    private final String[] columns;
    private final List<double[]> rows = new ArrayList<>();

    /** A log in {@code dir} (created) with these columns after the epoch number. */
    public MetricsLog(Path dir, String... columns) throws IOException {
        this("epoch", dir, columns);
    }

    /** A log whose rows are counted in {@code step}s ("episode") rather than epochs. */
    public MetricsLog(String step, Path dir, String... columns) throws IOException {
        this.step = step;
        this.dir = dir;
        this.columns = columns.clone();
        Files.createDirectories(dir);
        Files.writeString(csv(), step + "," + String.join(",", columns) + "\n", StandardCharsets.UTF_8);
    }

    public Path csv() {
        return dir.resolve("metrics.csv");
    }

    /** Records one epoch's (or step's) values, in column order. */
    public void add(int epoch, double... values) throws IOException {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(
                    "MetricsLog: " + values.length + " values for columns " + Arrays.toString(columns));
        }
        double[] row = new double[values.length + 1];
        row[0] = epoch;
        System.arraycopy(values, 0, row, 1, values.length);
        rows.add(row);
        StringBuilder line = new StringBuilder().append(epoch);
        for (double v : values) {
            line.append(',').append(String.format(Locale.ROOT, "%.6f", v));
        }
        Files.writeString(csv(), line.append('\n'), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Draws the columns whose names contain {@code keyword} (e.g. "loss") into {@code <keyword>.png}. */
    public Path plot(String keyword, String title) throws IOException {
        return plot(keyword, title, dir.resolve(keyword + ".png"));
    }

    /** As {@link #plot(String, String)}, into the given file. */
    public Path plot(String keyword, String title, Path png) throws IOException {
        XYChart chart = new XYChartBuilder()
                .width(800)
                .height(500)
                .title(title)
                .xAxisTitle(step)
                .yAxisTitle(keyword)
                .build();
        double[] epochs = rows.stream().mapToDouble(r -> r[0]).toArray();
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].contains(keyword) && !rows.isEmpty()) {
                int col = c + 1;
                chart.addSeries(
                        columns[c],
                        epochs,
                        rows.stream().mapToDouble(r -> r[col]).toArray());
            }
        }
        BitmapEncoder.saveBitmap(chart, png.toString().replaceFirst("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
        return png;
    }
}
