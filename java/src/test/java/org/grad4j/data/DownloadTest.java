package org.grad4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadTest {
    @TempDir
    Path dir;

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Download.sha256().digest(bytes));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aVerifiedDownloadIsRenamedIntoPlace() throws IOException {
        byte[] body = "some bytes".getBytes(StandardCharsets.UTF_8);
        try (FileServer server = new FileServer().serve("/f.bin", body)) {
            Path target = dir.resolve("f.bin");
            Download.fetch(URI.create(server.url() + "f.bin"), target, sha256(body), null);
            assertArrayEquals(body, Files.readAllBytes(target));
            assertEquals(List.of(target), files(), "no temporary file is left");
        }
    }

    @Test
    void aCorruptDownloadLeavesNothing() throws IOException {
        byte[] body = "some bytes".getBytes(StandardCharsets.UTF_8);
        try (FileServer server = new FileServer().serve("/f.bin", body)) {
            String url = server.url() + "f.bin";
            String expected = sha256("other bytes".getBytes(StandardCharsets.UTF_8));
            IOException e = assertThrows(
                    IOException.class, () -> Download.fetch(URI.create(url), dir.resolve("f.bin"), expected, null));
            assertEquals(
                    "Download: " + url + " is corrupt: its SHA-256 is " + sha256(body) + ", expected " + expected
                            + "; nothing was saved",
                    e.getMessage());
            assertEquals(List.of(), files());
        }
    }

    @Test
    void httpErrorsAndMissingHashesAreRefused() throws IOException {
        try (FileServer server = new FileServer()) {
            String url = server.url() + "missing.gz";
            IOException e = assertThrows(
                    IOException.class,
                    () -> Download.fetch(URI.create(url), dir.resolve("m"), sha256(new byte[0]), null));
            assertEquals("Download: " + url + " answered HTTP 404", e.getMessage());
            e = assertThrows(IOException.class, () -> Download.fetch(URI.create(url), dir.resolve("m"), null, null));
            assertEquals(
                    "Download: no SHA-256 is known for m; refusing to keep an unverified download of " + url,
                    e.getMessage());
            assertEquals(1, server.requests.get(), "no request is made without a hash");
            assertEquals(List.of(), files());
        }
    }

    @Test
    void progressOffATerminalIsAFewLines() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DownloadProgress p = new DownloadProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), false, "x.gz");
        p.start(2_000_000);
        for (long done = 0; done <= 2_000_000; done += 10_000) {
            p.update(done);
        }
        p.finish(2_000_000);
        assertEquals(
                List.of(
                        "Downloading x.gz (2.0 MB)",
                        "x.gz: 500.0 kB / 2.0 MB (25%)",
                        "x.gz: 1.0 MB / 2.0 MB (50%)",
                        "x.gz: 1.5 MB / 2.0 MB (75%)",
                        "x.gz: 2.0 MB / 2.0 MB (100%), done"),
                buf.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void progressOnATerminalRewritesOneLine() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DownloadProgress p = new DownloadProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), true, "x.gz");
        p.start(500);
        p.update(250);
        p.finish(500);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\rx.gz: 250 B / 500 B (50%)"), out);
        assertTrue(out.endsWith("\rx.gz: 500 B / 500 B (100%), done" + System.lineSeparator()), out);
        assertEquals(
                out.length() - System.lineSeparator().length(),
                out.indexOf(System.lineSeparator()),
                "one line, ended once");
        assertFalse(out.contains("Downloading"));
    }
}
