package org.grad4j.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.grad4j.tensor.Tensor;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, plain or gzip-compressed (recognised
 * by the gzip magic {@code 1f 8b}, whatever the file name).
 *
 * <p>An IDX file is a magic number {@code 00 00 TT RR} (data type {@code TT}, rank {@code RR}),
 * {@code RR} big-endian 32-bit dimensions, then the values in row-major order, big-endian. MNIST
 * images are {@code 0x00000803} (unsigned bytes, rank 3), labels {@code 0x00000801}. Types:
 * {@code 0x08} unsigned byte, {@code 0x09} signed byte, {@code 0x0B} short, {@code 0x0C} int,
 * {@code 0x0D} float, {@code 0x0E} double.
 *
 * <p>Only regular files are opened (a named pipe would block the reader). The header is checked
 * before anything is allocated from it: every dimension must be > 0, the data and the array
 * made of it at most {@link #MAX_BYTES}, and the data equal to what the file holds (a plain
 * file's size must match exactly; a gzip file cannot hold more than about 1032 times its size,
 * and the data is taken as it arrives, never allocated ahead on the header's word alone). A
 * truncated, corrupt or oversized file is an {@link IOException} naming the file and what is
 * wrong.
 *
 * <p>Shape: the tensor has the file's dimensions, e.g. {@code [60000, 28, 28]} for the MNIST
 * training images, with the values as stored (0 to 255 for unsigned bytes).
 * {@link #readUnsignedBytes(Path)} gives an unsigned-byte file's values as the bytes themselves,
 * a quarter of the memory of floats, with the same checks.
 *
 * <pre>{@code
 * Tensor labels = IdxReader.read(Path.of("train-labels-idx1-ubyte.gz"));   // shape [60000]
 * IdxReader.UnsignedBytes images = IdxReader.readUnsignedBytes(Path.of("train-images-idx3-ubyte.gz"));
 * images.shape();                                                          // [60000, 28, 28]
 * }</pre>
 */
public final class IdxReader {
    /**
     * The most bytes a file may make a reader allocate (1 GiB): for its data section, and for the
     * float32 values {@link #read(Path)} makes of it.
     */
    public static final long MAX_BYTES = 1L << 30;
    /** The most dimensions accepted. */
    public static final int MAX_RANK = 8;
    /** Deflate compresses at most about 1032:1, which bounds what a gzip file can hold. */
    static final long MAX_DEFLATE_RATIO = 1032;

    /** The unsigned-byte data type code, that of MNIST images and labels. */
    private static final int UNSIGNED_BYTE = 0x08;

    private static final int ANY_TYPE = -1;

    private IdxReader() {}

    /**
     * The contents of an unsigned-byte IDX file, as stored: value {@code i} in row-major order is
     * {@code data()[i] & 0xff}, in 0 to 255.
     *
     * <p>Shape: {@code shape()} is the file's dimensions, e.g. {@code [60000, 28, 28]}, and
     * {@code data().length} their product. The record holds the arrays as read, not copies; they
     * belong to the caller.
     *
     * @param shape the file's dimensions
     * @param data the values, one byte each, in row-major order
     */
    public record UnsignedBytes(int[] shape, byte[] data) {}

    /** A file's data type code, dimensions and data section, after every header check. */
    private record Contents(int type, int[] shape, byte[] data) {}

    /** A caller's check of the dimensions, made before the data is read. */
    interface ShapeCheck {
        /** Throws, naming the file, if {@code shape} is not what the caller expects. */
        void check(int[] shape) throws IOException;
    }

    private static final ShapeCheck ANY_SHAPE = shape -> {};

    /**
     * Reads a whole IDX file into a float tensor.
     *
     * @param file a plain or gzip-compressed IDX file
     * @return a tensor of the file's dimensions, with the values as stored
     * @throws IOException if the file cannot be read, or is not a valid IDX file (the message
     *     names the file and the problem)
     */
    public static Tensor read(Path file) throws IOException {
        return read(file, ANY_SHAPE);
    }

    /** {@link #read(Path)}, with the dimensions checked by {@code expected} before the data is read. */
    static Tensor read(Path file, ShapeCheck expected) throws IOException {
        Contents c = readContents(file, ANY_TYPE, 4, expected);
        return Tensor.wrap(toFloats(c.data(), c.type(), c.data().length / elementSize(c.type())), c.shape());
    }

    /**
     * Reads a whole unsigned-byte ({@code 0x08}) IDX file, such as MNIST's images or labels,
     * keeping the values as bytes: one byte per value where {@link #read(Path)} needs four.
     *
     * @param file a plain or gzip-compressed IDX file
     * @return the dimensions and the bytes
     * @throws IOException if the file cannot be read, is not a valid IDX file, or holds another
     *     data type (the message names the file and the problem)
     */
    public static UnsignedBytes readUnsignedBytes(Path file) throws IOException {
        return readUnsignedBytes(file, ANY_SHAPE);
    }

    /** {@link #readUnsignedBytes(Path)}, with the dimensions checked by {@code expected} before the data is read. */
    static UnsignedBytes readUnsignedBytes(Path file, ShapeCheck expected) throws IOException {
        Contents c = readContents(file, UNSIGNED_BYTE, 1, expected);
        return new UnsignedBytes(c.shape(), c.data());
    }

    /**
     * Opens, checks and reads a file; {@code requiredType} is a type code, or ANY_TYPE, and
     * {@code outputSize} the bytes per value of the array the caller makes of the data.
     */
    private static Contents readContents(Path file, int requiredType, int outputSize, ShapeCheck expected)
            throws IOException {
        // Opening a named pipe blocks until a writer comes, so the check must come first.
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw bad(
                    file,
                    "is " + (attributes.isDirectory() ? "a directory" : "a named pipe, device or socket")
                            + ", not a regular file");
        }
        Format format = new Format(requiredType, outputSize, expected);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            return readContents(in, file, gzip, attributes.size(), format);
        } catch (EOFException | ZipException e) {
            throw new IOException(
                    "IdxReader: " + file + " is truncated or its gzip data is corrupt: " + e.getMessage(), e);
        }
    }

    /** What the caller asks of a file: its type code (or ANY_TYPE), bytes per output value, and its shape. */
    private record Format(int requiredType, int outputSize, ShapeCheck expected) {}

    private static Contents readContents(InputStream in, Path file, boolean gzip, long fileSize, Format format)
            throws IOException {
        int requiredType = format.requiredType();
        byte[] magic = readHeader(in, file, 4, "magic number");
        int magicValue = ByteBuffer.wrap(magic).getInt();
        if (magic[0] != 0 || magic[1] != 0) {
            throw bad(
                    file,
                    String.format(
                            "is not an IDX file: magic number 0x%08X does not start with two zero bytes "
                                    + "(MNIST images have 0x00000803, labels 0x00000801)",
                            magicValue));
        }
        int type = magic[2] & 0xff;
        int elementSize = elementSize(type);
        if (elementSize == 0) {
            throw bad(
                    file,
                    String.format(
                            "has unsupported data type 0x%02X in magic number 0x%08X (supported: 0x08 "
                                    + "unsigned byte, 0x09 byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double)",
                            type, magicValue));
        }
        if (requiredType != ANY_TYPE && type != requiredType) {
            throw bad(
                    file,
                    String.format(
                            "has data type 0x%02X (%s) in magic number 0x%08X; expected 0x%02X (%s)",
                            type, typeName(type), magicValue, requiredType, typeName(requiredType)));
        }
        int rank = magic[3] & 0xff;
        if (rank < 1 || rank > MAX_RANK) {
            throw bad(
                    file,
                    String.format("has rank %d in magic number 0x%08X; expected 1 to %d", rank, magicValue, MAX_RANK));
        }
        long[] dims = dimensions(in, file, rank);
        long count = count(file, dims);
        long dataBytes = count * elementSize; // count <= MAX_BYTES: no overflow
        String claim = "its header claims dimensions " + Arrays.toString(dims) + " = " + dataBytes + " bytes of data";
        if (dataBytes > MAX_BYTES) {
            throw bad(file, "is too large or corrupt: " + claim + ", more than the limit of " + MAX_BYTES + " bytes");
        }
        checkHeldByFile(file, gzip, fileSize, 4 + 4L * rank, dataBytes, claim);
        int[] shape = Arrays.stream(dims).mapToInt(d -> (int) d).toArray();
        format.expected().check(shape);
        if (count * format.outputSize() > MAX_BYTES) {
            throw bad(
                    file,
                    "is too large to read as float32: its header claims dimensions " + Arrays.toString(dims) + " = "
                            + count + " values, " + count * format.outputSize() + " bytes as float32, more than the "
                            + "limit of " + MAX_BYTES + " bytes"
                            + (type == UNSIGNED_BYTE ? "; readUnsignedBytes " + "reads them as one byte each" : ""));
        }
        byte[] data =
                readData(in, file, (int) dataBytes, gzip ? Math.min((int) dataBytes, 1 << 16) : (int) dataBytes, claim);
        if (in.read() != -1) {
            throw bad(file, "has trailing bytes: " + claim + " but more data follows");
        }
        return new Contents(type, shape, data);
    }

    /**
     * Checks a claim of {@code dataBytes} against what the file can hold: a plain file exactly that
     * after its header, a gzip file at most what its size inflates to.
     */
    private static void checkHeldByFile(
            Path file, boolean gzip, long fileSize, long headerBytes, long dataBytes, String claim) throws IOException {
        if (!gzip && headerBytes + dataBytes != fileSize) {
            long actual = fileSize - headerBytes;
            throw bad(
                    file,
                    actual < dataBytes
                            ? "is truncated: " + claim + " but only " + actual + " follow the header"
                            : "has " + (actual - dataBytes) + " trailing bytes: " + claim + " but " + actual
                                    + " follow the header");
        }
        if (gzip && headerBytes + dataBytes > fileSize * MAX_DEFLATE_RATIO + 1024) {
            throw bad(file, "is corrupt: " + claim + ", more than a gzip file of " + fileSize + " bytes can hold");
        }
    }

    /** The header's {@code rank} dimensions, each > 0. */
    private static long[] dimensions(InputStream in, Path file, int rank) throws IOException {
        ByteBuffer dimBytes = ByteBuffer.wrap(readHeader(in, file, 4 * rank, rank + " dimensions"));
        long[] dims = new long[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = Integer.toUnsignedLong(dimBytes.getInt());
            if (dims[d] == 0) {
                throw bad(
                        file,
                        "has dimensions " + Arrays.toString(dims) + ": dimension " + d + " is 0; "
                                + "every dimension must be > 0");
            }
        }
        return dims;
    }

    /** The number of values, the product of {@code dims}, refused once it passes MAX_BYTES. */
    private static long count(Path file, long[] dims) throws IOException {
        long count = 1;
        try {
            for (long d : dims) {
                count = Math.multiplyExact(count, d);
            }
        } catch (ArithmeticException e) {
            count = Long.MAX_VALUE;
        }
        if (count > MAX_BYTES) {
            throw bad(
                    file,
                    "is too large or corrupt: its header claims dimensions " + Arrays.toString(dims) + " = "
                            + (count == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : count) + " values, more "
                            + "than the limit of " + MAX_BYTES + " bytes of data allows");
        }
        return count;
    }

    /** The name of a supported IDX type code, for messages. */
    private static String typeName(int type) {
        return switch (type) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            default -> "double";
        };
    }

    /** Bytes per element of an IDX type code, 0 if unknown. */
    private static int elementSize(int type) {
        return switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> 0;
        };
    }

    private static byte[] readHeader(InputStream in, Path file, int n, String what) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw bad(
                    file,
                    "is truncated: it ends inside the header (" + what + ", " + b.length + " of " + n + " bytes)");
        }
        return b;
    }

    /**
     * Reads exactly n bytes into a buffer of {@code initial} bytes that doubles as data arrives. A
     * plain file's size was checked against n, so it is read into one buffer of n; a gzip file's
     * claim is bounded only by the deflate ratio, so its buffer follows what the stream delivers.
     */
    private static byte[] readData(InputStream in, Path file, int n, int initial, String claim) throws IOException {
        byte[] buf = new byte[initial];
        int filled = 0;
        while (filled < n) {
            if (filled == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
            }
            int r = in.read(buf, filled, buf.length - filled);
            if (r < 0) {
                throw bad(file, "is truncated: " + claim + " but the data ends after " + filled + " bytes");
            }
            filled += r;
        }
        return buf;
    }

    private static float[] toFloats(byte[] data, int type, int count) {
        float[] out = new float[count];
        ByteBuffer buf = ByteBuffer.wrap(data); // big-endian, as IDX stores it
        switch (type) {
            case 0x08 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = data[i] & 0xff;
                }
            }
            case 0x09 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = data[i];
                }
            }
            case 0x0B -> {
                for (int i = 0; i < count; i++) {
                    out[i] = buf.getShort();
                }
            }
            case 0x0C -> {
                for (int i = 0; i < count; i++) {
                    out[i] = buf.getInt();
                }
            }
            case 0x0D -> buf.asFloatBuffer().get(out);
            default -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (float) buf.getDouble();
                }
            }
        }
        return out;
    }

    private static IOException bad(Path file, String problem) {
        return new IOException("IdxReader: " + file + " " + problem);
    }
}
