package org.grad4j.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files for tests. */
final class IdxFiles {
    private IdxFiles() {}

    /** An unsigned-byte IDX file: magic 0x000008RR, the dims, then the values. */
    static byte[] ubyte(byte[] values, int... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + values.length);
        b.putInt(0x0800 | dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.put(values).array();
    }

    /** Header only, with any magic and dims. */
    static byte[] header(int magic, int... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length).putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.array();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code n} 28x28 images where image i has every pixel = 10 * i + (pixel index % 10). */
    static byte[] images(int n) {
        byte[] v = new byte[n * 28 * 28];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) (10 * (i / 784) + i % 784 % 10);
        }
        return ubyte(v, n, 28, 28);
    }

    /** {@code n} labels, label i = (i + offset) % 10. */
    static byte[] labels(int n, int offset) {
        byte[] v = new byte[n];
        for (int i = 0; i < n; i++) {
            v[i] = (byte) ((i + offset) % 10);
        }
        return ubyte(v, n);
    }
}
