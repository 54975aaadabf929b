package org.grad4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Downloads a file over HTTP(S) and keeps it only if its SHA-256 matches: the bytes go to a
 * temporary file next to the target, which is renamed into place after the hash is checked, so
 * an interrupted or corrupted download never leaves a file at the target path.
 *
 * <pre>{@code
 * Download.fetch(URI.create("https://example.org/train-labels-idx1-ubyte.gz"),
 *         cache.resolve("train-labels-idx1-ubyte.gz"), "3552534a...", System.err);
 * }</pre>
 */
public final class Download {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static HttpClient client;

    private Download() {}

    /**
     * Downloads {@code url} to {@code target}, showing progress on {@code progress} (one updating
     * line when it is the terminal's {@code System.err}, a few lines otherwise; {@code null} for
     * none), as torchvision's {@code download_url} with a checksum.
     *
     * @param url the address to download
     * @param target the file to create or replace
     * @param expectedSha256 the file's SHA-256 in hex; a download without one is refused
     * @param progress where to show progress, or null
     * @throws IOException if the server cannot be reached or answers other than 200, the body is
     *     shorter than announced, its SHA-256 differs or none is given; nothing is left at
     *     {@code target} then
     */
    public static void fetch(URI url, Path target, String expectedSha256, PrintStream progress) throws IOException {
        boolean terminal = progress != null && progress == System.err && System.console() != null;
        fetchWith(
                url,
                target,
                expectedSha256,
                new DownloadProgress(progress, terminal, target.getFileName().toString()));
    }

    static void fetchWith(URI url, Path target, String expectedSha256, DownloadProgress progress) throws IOException {
        if (expectedSha256 == null || expectedSha256.isBlank()) {
            throw new IOException("Download: no SHA-256 is known for " + target.getFileName()
                    + "; refusing to keep an unverified download of " + url);
        }
        HttpResponse<InputStream> response = get(url);
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, target.getFileName() + ".", ".part");
        try {
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            progress.start(total);
            MessageDigest sha = sha256();
            long done = 0;
            try (InputStream in = response.body();
                    OutputStream out = Files.newOutputStream(part)) {
                byte[] buf = new byte[1 << 16];
                for (int r; (r = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, r);
                    sha.update(buf, 0, r);
                    done += r;
                    progress.update(done);
                }
            }
            progress.finish(done);
            if (total >= 0 && done != total) {
                throw new IOException(
                        "Download: " + url + " ended after " + done + " of " + total + " bytes; nothing was saved");
            }
            String actual = HexFormat.of().formatHex(sha.digest());
            if (!actual.equalsIgnoreCase(expectedSha256.trim())) {
                throw new IOException("Download: " + url + " is corrupt: its SHA-256 is " + actual + ", expected "
                        + expectedSha256 + "; nothing was saved");
            }
            move(part, target);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static HttpResponse<InputStream> get(URI url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Download: interrupted while connecting to " + url);
        } catch (IOException e) {
            throw new IOException("Download: cannot get " + url + ": " + e, e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("Download: " + url + " answered HTTP " + response.statusCode());
        }
        return response;
    }

    private static void move(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }
        return client;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }
}
