package org.grad4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file layout, round trips, dtype conversion, and files that must be rejected. */
class SafetensorsTest {
    @TempDir
    Path dir;

    /** A file as the safetensors library writes it: length, JSON padded with spaces to 8 bytes, data. */
    static byte[] file(String json, byte[] data) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.allocate(8 + padded + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(padded).put(header);
        for (int i = header.length; i < padded; i++) {
            b.put((byte) ' ');
        }
        return b.put(data).array();
    }

    static byte[] le(int bytesPerValue, long... bitPatterns) {
        ByteBuffer b = ByteBuffer.allocate(bytesPerValue * bitPatterns.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : bitPatterns) {
            switch (bytesPerValue) {
                case 2 -> b.putShort((short) v);
                case 4 -> b.putInt((int) v);
                default -> b.putLong(v);
            }
        }
        return b.array();
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("f.safetensors"), bytes);
    }

    @Test
    void writesTheLayoutTheReferenceLibraryWrites() throws IOException {
        Path f = dir.resolve("a.safetensors");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("w", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).t());
        tensors.put("b", Tensor.scalar(-1.5f));
        Safetensors.save(f, tensors, Map.of("epoch", "3"));
        byte[] expected = file(
                "{\"__metadata__\":{\"epoch\":\"3\"},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]},"
                        + "\"w\":{\"dtype\":\"F32\",\"shape\":[3,2],\"data_offsets\":[4,28]}}",
                le(
                        4,
                        Float.floatToIntBits(-1.5f),
                        Float.floatToIntBits(1),
                        Float.floatToIntBits(4),
                        Float.floatToIntBits(2),
                        Float.floatToIntBits(5),
                        Float.floatToIntBits(3),
                        Float.floatToIntBits(6)));
        assertArrayEquals(expected, Files.readAllBytes(f));
    }

    @Test
    void roundTripsShapesValuesAndMetadata() throws IOException {
        Path f = dir.resolve("r.safetensors");
        Map<String, Tensor> tensors = Map.of(
                "x",
                Tensor.randn(new Generator(1), 3, 4, 5),
                "empty",
                Tensor.zeros(0, 7),
                "s",
                Tensor.scalar(2f),
                "quote\"name",
                Tensor.ones(1));
        Safetensors.save(f, tensors, Map.of("note", "line\nbreak \"quoted\" ü"));
        Safetensors.Contents c = Safetensors.load(f);
        assertEquals(tensors.keySet(), c.tensors().keySet());
        tensors.forEach((k, t) -> {
            assertArrayEquals(t.shape(), c.tensors().get(k).shape(), k);
            assertArrayEquals(t.toArray(), c.tensors().get(k).toArray(), 0f, k);
        });
        assertEquals("line\nbreak \"quoted\" ü", c.metadata().get("note"));
    }

    /** Bytes this thread allocates while loading {@code f} with the given memory-map threshold. */
    private static long allocatedByLoad(Path f, long threshold, float[] expected) throws IOException {
        long saved = Safetensors.mmapThreshold;
        Safetensors.mmapThreshold = threshold;
        try {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            Tensor loaded = Safetensors.load(f).tensors().get("t");
            long allocated =
                    threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            assertArrayEquals(expected, loaded.toArray(), 0f);
            return allocated;
        } finally {
            Safetensors.mmapThreshold = saved;
        }
    }

    @Test
    void readsLargeFilesThroughAMemoryMap() throws IOException {
        Path f = dir.resolve("m.safetensors");
        Tensor t = Tensor.randn(new Generator(2), 1000, 1000);
        Safetensors.save(f, Map.of("t", t), Map.of());
        long data = 4L * t.numel();
        // Read into the heap, the file's bytes are allocated besides what the tensor needs; mapped,
        // they are not allocated at all.
        long read = allocatedByLoad(f, Long.MAX_VALUE, t.toArray());
        long mapped = allocatedByLoad(f, 64, t.toArray());
        assertTrue(
                read - mapped > data - data / 10,
                "reading allocated " + read + " bytes, mapping " + mapped + ", for " + data + " bytes of data");
    }

    @Test
    void convertsF64F16AndBf16ToFloat32() throws IOException {
        String json = "{\"d\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]},"
                + "\"h\":{\"dtype\":\"F16\",\"shape\":[7],\"data_offsets\":[16,30]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[30,34]}}";
        ByteBuffer data = ByteBuffer.allocate(34).order(ByteOrder.LITTLE_ENDIAN);
        data.putDouble(1.0).putDouble(0.1);
        // F16: 1.0, -2.5, 65504 (max), smallest subnormal 2^-24, +inf, NaN, -0
        for (int bits : new int[] {0x3c00, 0xc100, 0x7bff, 0x0001, 0x7c00, 0x7e00, 0x8000}) {
            data.putShort((short) bits);
        }
        data.putShort((short) 0x3f80).putShort((short) 0xc020); // BF16 1.0, -2.5
        Safetensors.Contents c = Safetensors.load(write(file(json, data.array())));
        assertArrayEquals(new float[] {1f, 0.1f}, c.tensors().get("d").toArray(), 0f);
        float[] h = c.tensors().get("h").toArray();
        assertArrayEquals(
                new float[] {1f, -2.5f, 65504f, 0x1p-24f, Float.POSITIVE_INFINITY}, java.util.Arrays.copyOf(h, 5), 0f);
        assertTrue(Float.isNaN(h[5]));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(h[6]));
        assertArrayEquals(new float[] {1f, -2.5f}, c.tensors().get("b").toArray(), 0f);
    }

    private void rejects(byte[] bytes, String fragment) throws IOException {
        Path f = write(bytes);
        SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.load(f));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().startsWith("safetensors: " + f), e.getMessage());
    }

    private static final String OK = "\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";

    @Test
    void rejectsHostileAndBrokenFiles() throws IOException {
        byte[] good = file("{" + OK + "}", new byte[8]);
        rejects(java.util.Arrays.copyOf(good, 5), "too short");
        rejects(java.util.Arrays.copyOf(good, 20), "header length");
        ByteBuffer huge = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(2_000_000_000L);
        rejects(huge.array(), "header length 2000000000");
        ByteBuffer negative =
                ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-8);
        rejects(negative.array(), "header length 18446744073709551608");
        rejects(java.util.Arrays.copyOf(good, good.length - 1), "outside the data of 7 bytes");
        rejects(file("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,4]}}", new byte[8]), "outside");
        rejects(
                file("{" + OK + ",\"y\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]),
                "tensors 'x' and 'y' overlap");
        rejects(
                file("{\"x\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]),
                "needs 12 bytes, its data_offsets give 8");
        rejects(
                file("{\"x\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", new byte[8]),
                "malformed header JSON");
        rejects(
                file(
                        "{\"x\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296,4294967296],"
                                + "\"data_offsets\":[0,8]}}",
                        new byte[8]),
                "too large");
        rejects(
                file(
                        "{\"x\":{\"dtype\":\"F32\",\"shape\":[2147483647,2147483647,2147483647,2147483647],"
                                + "\"data_offsets\":[0,8]}}",
                        new byte[8]),
                "overflows");
        rejects(
                file("{\"x\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]),
                "tensor 'x' has dtype I64; grad4j reads F32, F64, F16, BF16");
        rejects(file("not json at all", new byte[8]), "not a JSON object");
        rejects(file("{" + OK + "," + OK + "}", new byte[8]), "duplicate key \"x\"");
        rejects(file("{" + OK + "} trailing", new byte[8]), "unexpected text after");
        rejects(file("{\"__metadata__\":{\"epoch\":3}," + OK + "}", new byte[8]), "is not a string");
        rejects(file("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{}}}}}}", new byte[8]), "nested deeper");
        rejects(file("{\"x\":{\"dtype\":\"F32\",\"shape\":[2]}}", new byte[8]), "needs exactly dtype");
        byte[] badUtf8 = file("{" + OK + "}", new byte[8]);
        badUtf8[10] = (byte) 0xff;
        rejects(badUtf8, "not valid UTF-8");
    }

    @Test
    void randomBytesAreRejectedQuickly() throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[8 + random.nextInt(200)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (byte) random.nextInt(256);
            }
            if (random.nextBoolean()) {
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, bytes.length - 8);
            }
            Path f = write(bytes);
            assertThrows(SafetensorsException.class, () -> Safetensors.load(f), "case " + i);
        }
    }

    @Test
    void aTwoGigabyteHeaderClaimIsRejectedWithoutAllocatingIt() throws IOException {
        Path f = dir.resolve("claims-2gb.safetensors");
        try (RandomAccessFile file = new RandomAccessFile(f.toFile(), "rw")) {
            file.setLength(8 + 2_000_000_000L); // sparse: the file really is that long, so the claim fits it
            file.write(ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(2_000_000_000L)
                    .array());
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.load(f));
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(e.getMessage().contains("header length 2000000000 is not within 1..100000000"), e.getMessage());
        assertTrue(allocated < 16_000_000, allocated + " bytes allocated to reject the file");
    }

    /** A tensor whose data cannot be read: the save fails after it has started writing. */
    private static final class Unreadable extends Tensor {
        Unreadable() {
            super(Tensor.zeros(4));
        }

        @Override
        public Tensor contiguous() {
            throw new IllegalStateException("cannot read this tensor");
        }
    }

    @Test
    void aFailedSaveLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("c.safetensors");
        Safetensors.save(f, Map.of("a", Tensor.ones(3)), Map.of("version", "1"));
        byte[] before = Files.readAllBytes(f);
        Map<String, Tensor> broken = Map.of("a", Tensor.ones(3), "z", new Unreadable());
        assertThrows(IllegalStateException.class, () -> Safetensors.save(f, broken, Map.of("version", "2")));
        assertArrayEquals(before, Files.readAllBytes(f));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }
}
