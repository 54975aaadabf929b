package org.grad4j.data;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows a download's progress: on a terminal one line rewritten in place (at most ten times a
 * second); elsewhere (logs, CI) a line at each quarter and one at the end.
 */
final class DownloadProgress {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long UNKNOWN_TOTAL_STEP = 16L << 20;

    private final PrintStream out;
    private final boolean terminal;
    private final String name;
    private long total = -1;
    private long lastDraw;
    private long lastStep;

    /** @param out where to print, or null for silence */
    DownloadProgress(PrintStream out, boolean terminal, String name) {
        this.out = out;
        this.terminal = terminal;
        this.name = name;
    }

    void start(long totalBytes) {
        total = totalBytes;
        if (out != null && !terminal) {
            out.println("Downloading " + name + (total >= 0 ? " (" + size(total) + ")" : ""));
        }
    }

    void update(long done) {
        if (out == null) {
            return;
        }
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw >= REDRAW_NANOS) {
                lastDraw = now;
                out.print("\r" + line(done) + "   "); // spaces cover a previous, longer line
                out.flush();
            }
            return;
        }
        long step = total > 0 ? done * 4 / total : done / UNKNOWN_TOTAL_STEP;
        if (step > lastStep && (total <= 0 || step < 4)) {
            lastStep = step;
            out.println(line(done));
        }
    }

    void finish(long done) {
        if (out != null) {
            out.print((terminal ? "\r" : "") + line(done) + ", done" + System.lineSeparator());
            out.flush();
        }
    }

    String line(long done) {
        return name + ": " + size(done)
                + (total >= 0 ? " / " + size(total) + " (" + (total == 0 ? 100 : done * 100 / total) + "%)" : "");
    }

    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        return bytes < 1_000_000
                ? String.format(Locale.ROOT, "%.1f kB", bytes / 1e3)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
