package org.grad4j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code docs/benchmarks.md}: the machine line, the prose that explains how the figures were taken
 * (resources under {@code report/}, which hold no figures), and the tables of one run.
 */
final class ReportDocument {
    /** One table of the run, under its section's title. */
    record Table(String name, String title, String markdown) {}

    private final String machine;
    private final String run;
    private final List<Table> tables = new ArrayList<>();

    ReportDocument(String machine, String run) {
        this.machine = machine;
        this.run = run;
    }

    void add(String name, String title, String markdown) {
        tables.add(new Table(name, title, markdown));
    }

    List<Table> tables() {
        return List.copyOf(tables);
    }

    String machine() {
        return machine;
    }

    String render() {
        StringBuilder doc = new StringBuilder("# Benchmarks\n\n")
                .append("<!-- Written by org.grad4j.benchmarks.Report; run it again rather than editing. -->\n\n")
                .append(machine)
                .append("\n\n")
                .append(run)
                .append("\n\n")
                .append(text("intro").orElseThrow());
        for (Table table : tables) {
            doc.append("\n## ").append(table.title()).append("\n\n");
            text(table.name()).ifPresent(note -> doc.append(note.strip()).append("\n\n"));
            doc.append(table.markdown());
        }
        return doc.toString();
    }

    void write(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, render());
    }

    /** The prose for a section, if it has any. */
    private static Optional<String> text(String name) {
        try (InputStream in = ReportDocument.class.getResourceAsStream("report/" + name + ".md")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
