package org.grad4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.grad4j.tensor.Tensor;

/**
 * Reads and writes the safetensors format (as Hugging Face's safetensors library and PyTorch
 * use it): an 8-byte little-endian header length, a JSON header giving each tensor's dtype,
 * shape and byte range, then the raw little-endian data. grad4j writes F32 and reads F32, F64,
 * F16 and BF16 (converted to float32).
 *
 * <p>Writes are atomic: a crash never leaves a half-written file in place of the old one.
 * Reading treats the file as untrusted: only regular files are opened, the header length is
 * capped, so is the number of tensors (1024 plus one per 2 bytes of data), every shape and byte
 * range is checked against the file and the others before anything is allocated, and any problem
 * is a {@link SafetensorsException} naming the file. Large files are memory-mapped.
 *
 * <pre>{@code
 * Safetensors.save(Path.of("model.safetensors"), model.stateDict(), Map.of("epoch", "3"));
 * model.loadStateDict(Safetensors.load(Path.of("model.safetensors")).tensors());
 * }</pre>
 */
public final class Safetensors {
    /** The largest header accepted, as the reference implementation caps it. */
    public static final long MAX_HEADER_BYTES = 100_000_000;

    static final String METADATA = "__metadata__";
    /** Files at least this large are memory-mapped rather than read (package-private for tests). */
    static long mmapThreshold = 16L << 20;

    private Safetensors() {}

    /**
     * What a file holds: its tensors in file order, and its free-form metadata.
     *
     * @param tensors the tensors by name, as float32
     * @param metadata the {@code __metadata__} entries, empty when the file has none
     */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    /**
     * Writes tensors (as F32, contiguous, in name order) and string metadata to a file, atomically,
     * as {@code safetensors.torch.save_file}.
     *
     * @param file the file to write; its directory is created if needed
     * @param tensors the tensors by name
     * @param metadata free-form entries, written under {@code __metadata__}
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if a tensor is named {@code __metadata__}
     */
    public static void save(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        List<Map.Entry<String, Tensor>> entries = new ArrayList<>(new java.util.TreeMap<>(tensors).entrySet());
        StringBuilder header = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            header.append(HeaderJson.quote(METADATA)).append(":{");
            String sep = "";
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(metadata).entrySet()) {
                header.append(sep)
                        .append(HeaderJson.quote(e.getKey()))
                        .append(':')
                        .append(HeaderJson.quote(e.getValue()));
                sep = ",";
            }
            header.append('}');
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : entries) {
            if (e.getKey().equals(METADATA)) {
                throw new IllegalArgumentException("safetensors: '" + METADATA + "' cannot name a tensor");
            }
            long bytes = 4L * e.getValue().numel();
            header.append(header.length() > 1 ? "," : "")
                    .append(HeaderJson.quote(e.getKey()))
                    .append(":{\"dtype\":\"F32\",\"shape\":")
                    .append(Arrays.toString(e.getValue().shape()).replace(" ", ""))
                    .append(",\"data_offsets\":[")
                    .append(offset)
                    .append(',')
                    .append(offset + bytes)
                    .append("]}");
            offset += bytes;
        }
        header.append('}');
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer prefix = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        prefix.putLong(padded).put(json);
        while (prefix.hasRemaining()) {
            prefix.put((byte) ' ');
        }
        prefix.flip();
        AtomicFile.write(file, channel -> {
            writeFully(channel, prefix);
            for (Map.Entry<String, Tensor> e : entries) {
                float[] data = e.getValue().contiguous().toArray();
                ByteBuffer buffer = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
                buffer.asFloatBuffer().put(data);
                writeFully(channel, buffer);
            }
        });
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /**
     * Reads a file, checking it fully; tensors are float32 whatever the stored dtype. As
     * {@code safetensors.torch.load_file}.
     *
     * @param file the file to read
     * @return the tensors and metadata
     * @throws IOException if the file cannot be read
     * @throws SafetensorsException if the file is not a regular file (a directory, a named pipe, a
     *     device), or is malformed, truncated, over 2 GiB or of an unsupported dtype
     */
    public static Contents load(Path file) throws IOException {
        // Opening a named pipe blocks until a writer comes, so the check must come first.
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new SafetensorsException(
                    file,
                    "is " + (attributes.isDirectory() ? "a directory" : "a named pipe, device or socket")
                            + ", not a regular file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                throw new SafetensorsException(file, "file of " + size + " bytes is too short for a header length");
            }
            if (size > Integer.MAX_VALUE) {
                throw new SafetensorsException(file, "file of " + size + " bytes: files over 2 GiB are not supported");
            }
            ByteBuffer whole = size >= mmapThreshold
                    ? channel.map(FileChannel.MapMode.READ_ONLY, 0, size)
                    : readAll(channel, size, file);
            return read(file, whole);
        }
    }

    /**
     * Parses a whole file held in {@code whole}. A memory-mapped file that is truncated meanwhile
     * makes the VM throw an InternalError on access; that becomes a SafetensorsException here.
     */
    static Contents read(Path file, ByteBuffer whole) throws SafetensorsException {
        try {
            return parse(file, whole.order(ByteOrder.LITTLE_ENDIAN));
        } catch (InternalError e) {
            if (!whole.isDirect()) {
                throw e;
            }
            SafetensorsException failure = new SafetensorsException(
                    file,
                    "reading the memory-mapped file failed (" + whole.capacity() + " bytes when opened, "
                            + currentSize(file) + " now): it was truncated or changed while being read");
            failure.initCause(e);
            throw failure;
        }
    }

    private static Contents parse(Path file, ByteBuffer whole) throws SafetensorsException {
        long size = whole.capacity();
        long headerLength = whole.getLong(0);
        if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
            throw new SafetensorsException(
                    file,
                    "header length " + Long.toUnsignedString(headerLength) + " is not within 1.."
                            + Math.min(MAX_HEADER_BYTES, size - 8) + " (file of " + size + " bytes)");
        }
        String json = utf8(whole, (int) headerLength, file);
        long dataStart = 8 + headerLength;
        HeaderEntries entries = new HeaderEntries(file, size - dataStart);
        try {
            HeaderJson.parse(json, entries);
        } catch (IllegalArgumentException e) {
            throw new SafetensorsException(file, e.getMessage());
        }
        return entries.read(whole, dataStart);
    }

    private static String currentSize(Path file) {
        try {
            return Files.size(file) + " bytes";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static ByteBuffer readAll(FileChannel channel, long size, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new SafetensorsException(file, "the file ended while being read");
            }
        }
        return buffer;
    }

    private static String utf8(ByteBuffer whole, int length, Path file) throws SafetensorsException {
        ByteBuffer bytes = whole.duplicate().position(8).limit(8 + length);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SafetensorsException(file, "the header is not valid UTF-8");
        }
    }
}
