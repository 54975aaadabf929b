package org.grad4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    private static final byte[] PIXELS = {0, 1, 2, (byte) 200, (byte) 255, 7};

    private String failure(String name, byte[] bytes) {
        Path f = IdxFiles.write(dir.resolve(name), bytes);
        String message =
                assertThrows(IOException.class, () -> IdxReader.read(f)).getMessage();
        assertTrue(message.startsWith("IdxReader: " + f + " "), message);
        return message.substring(("IdxReader: " + f + " ").length());
    }

    @Test
    void readsPlainUnsignedBytes() throws IOException {
        Tensor t = IdxReader.read(IdxFiles.write(dir.resolve("images"), IdxFiles.ubyte(PIXELS, 3, 1, 2)));
        assertArrayEquals(new int[] {3, 1, 2}, t.shape());
        assertArrayEquals(new float[] {0, 1, 2, 200, 255, 7}, t.toArray());
    }

    @Test
    void readsUnsignedBytesAsStoredPlainOrGzip() throws IOException {
        byte[] file = IdxFiles.ubyte(PIXELS, 3, 1, 2);
        for (Path f : new Path[] {
            IdxFiles.write(dir.resolve("plain"), file), IdxFiles.write(dir.resolve("compressed"), IdxFiles.gzip(file))
        }) {
            IdxReader.UnsignedBytes b = IdxReader.readUnsignedBytes(f);
            assertArrayEquals(new int[] {3, 1, 2}, b.shape(), f.toString());
            assertArrayEquals(PIXELS, b.data(), f.toString());
            assertEquals(200, b.data()[3] & 0xff);
        }
    }

    @Test
    void readUnsignedBytesRejectsOtherTypesNamingTheFileAndTheType() throws IOException {
        byte[] shorts = ByteBuffer.allocate(12)
                .putInt(0x00000B01)
                .putInt(2)
                .putShort((short) -3)
                .putShort((short) 300)
                .array();
        Path f = IdxFiles.write(dir.resolve("shorts"), shorts);
        assertEquals(
                "IdxReader: " + f + " has data type 0x0B (short) in magic number 0x00000B01; expected 0x08 "
                        + "(unsigned byte)",
                assertThrows(IOException.class, () -> IdxReader.readUnsignedBytes(f))
                        .getMessage());
        assertArrayEquals(new float[] {-3, 300}, IdxReader.read(f).toArray(), "read takes every type");
        Path signed = IdxFiles.write(dir.resolve("signed.gz"), IdxFiles.gzip(IdxFiles.header(0x00000902, 1, 1)));
        assertEquals(
                "IdxReader: " + signed + " has data type 0x09 (byte) in magic number 0x00000902; expected 0x08 "
                        + "(unsigned byte)",
                assertThrows(IOException.class, () -> IdxReader.readUnsignedBytes(signed))
                        .getMessage());
    }

    /** Hostile unsigned-byte files: readUnsignedBytes rejects each as read does, without allocating from the header. */
    @Test
    void readUnsignedBytesRejectsHostileFilesAsReadDoes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] full = IdxFiles.ubyte(PIXELS, 6);
        byte[] gz = IdxFiles.gzip(full);
        byte[] claimsSix = IdxFiles.ubyte(new byte[] {1, 2, 3}, 3);
        claimsSix[7] = 6;
        byte[] extra = Arrays.copyOf(full, full.length + 3);
        byte[] claims2gb = IdxFiles.header(0x804, 2, 1024, 1024, 1024);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("short", Arrays.copyOf(full, full.length - 2));
        files.put("header", Arrays.copyOf(full, 6));
        files.put("short.gz", Arrays.copyOf(gz, gz.length - 12));
        files.put("claims.gz", IdxFiles.gzip(claimsSix));
        files.put("png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
        files.put("rank", IdxFiles.header(0x800));
        files.put("zero", IdxFiles.header(0x802, 3, 0));
        files.put("huge", IdxFiles.header(0x803, -1, -1, -1));
        files.put("plain", IdxFiles.header(0x803, 60000, 28, 28));
        files.put("bomb.gz", IdxFiles.gzip(IdxFiles.header(0x803, 60000, 28, 28)));
        files.put("trailing", extra);
        files.put("trailing.gz", IdxFiles.gzip(extra));
        files.put("claims-2gb", claims2gb);
        files.put("claims-2gb.gz", IdxFiles.gzip(claims2gb));
        files.put("claims-1gb.gz", IdxFiles.gzip(IdxFiles.header(0x801, 1 << 30)));
        files.forEach((name, bytes) -> {
            String viaRead = failure(name, bytes);
            Path f = dir.resolve(name);
            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            String viaBytes = assertThrows(IOException.class, () -> IdxReader.readUnsignedBytes(f))
                    .getMessage();
            long allocated =
                    threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            assertEquals("IdxReader: " + f + " " + viaRead, viaBytes, name);
            assertTrue(allocated < 16_000_000, allocated + " bytes allocated to reject " + name + ": " + viaBytes);
        });
    }

    @Test
    void readsGzipByItsMagicWhateverTheName() throws IOException {
        byte[] gz = IdxFiles.gzip(IdxFiles.ubyte(PIXELS, 6));
        Tensor t = IdxReader.read(IdxFiles.write(dir.resolve("labels-without-extension"), gz));
        assertArrayEquals(new int[] {6}, t.shape());
        assertArrayEquals(new float[] {0, 1, 2, 200, 255, 7}, t.toArray());
    }

    @Test
    void readsTheWiderTypesBigEndian() throws IOException {
        byte[] shorts = ByteBuffer.allocate(12)
                .putInt(0x00000B01)
                .putInt(2)
                .putShort((short) -3)
                .putShort((short) 300)
                .array();
        assertArrayEquals(
                new float[] {-3, 300},
                IdxReader.read(IdxFiles.write(dir.resolve("s"), shorts)).toArray());
        byte[] floats = ByteBuffer.allocate(16)
                .putInt(0x00000D01)
                .putInt(2)
                .putFloat(1.5f)
                .putFloat(-2f)
                .array();
        assertArrayEquals(
                new float[] {1.5f, -2f},
                IdxReader.read(IdxFiles.write(dir.resolve("f"), floats)).toArray());
    }

    @Test
    void truncatedFilesAreRejected() {
        byte[] full = IdxFiles.ubyte(PIXELS, 6);
        assertEquals(
                "is truncated: its header claims dimensions [6] = 6 bytes of data but only 4 follow the header",
                failure("short", Arrays.copyOf(full, full.length - 2)));
        assertEquals(
                "is truncated: it ends inside the header (1 dimensions, 2 of 4 bytes)",
                failure("header", Arrays.copyOf(full, 6)));
        byte[] gz = IdxFiles.gzip(full);
        String m = failure("short.gz", Arrays.copyOf(gz, gz.length - 12));
        assertTrue(m.startsWith("is truncated"), m);
    }

    @Test
    void gzipDataShorterThanItsHeaderClaimsIsTruncated() {
        byte[] claimsSix = IdxFiles.ubyte(new byte[] {1, 2, 3}, 3);
        claimsSix[7] = 6;
        assertEquals(
                "is truncated: its header claims dimensions [6] = 6 bytes of data but the data ends after 3 bytes",
                failure("claims.gz", IdxFiles.gzip(claimsSix)));
    }

    @Test
    void wrongMagicIsRejected() {
        assertEquals(
                "is not an IDX file: magic number 0x89504E47 does not start with two zero bytes "
                        + "(MNIST images have 0x00000803, labels 0x00000801)",
                failure("png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0}));
        assertEquals(
                "has unsupported data type 0x0A in magic number 0x00000A01 (supported: 0x08 unsigned byte, "
                        + "0x09 byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double)",
                failure("type", IdxFiles.header(0x00000A01, 1)));
        assertEquals("has rank 0 in magic number 0x00000800; expected 1 to 8", failure("rank", IdxFiles.header(0x800)));
        assertEquals(
                "has dimensions [3, 0]: dimension 1 is 0; every dimension must be > 0",
                failure("zero", IdxFiles.header(0x802, 3, 0)));
    }

    @Test
    void hugeClaimedDimensionsFailBeforeAnyAllocation() {
        assertEquals(
                "is too large or corrupt: its header claims dimensions [4294967295, 4294967295, 4294967295] = "
                        + "more than 9223372036854775807 values, more than the limit of 1073741824 bytes of data "
                        + "allows",
                failure("huge", IdxFiles.header(0x803, -1, -1, -1)));
        // within the limit, but not what the file holds
        assertEquals(
                "is truncated: its header claims dimensions [60000, 28, 28] = 47040000 bytes of data but only 0 "
                        + "follow the header",
                failure("plain", IdxFiles.header(0x803, 60000, 28, 28)));
        String m = failure("bomb.gz", IdxFiles.gzip(IdxFiles.header(0x803, 60000, 28, 28)));
        assertTrue(
                m.matches("is corrupt: its header claims dimensions \\[60000, 28, 28] = 47040000 bytes of data, "
                        + "more than a gzip file of \\d+ bytes can hold"),
                m);
    }

    @Test
    void aTwoGigabyteClaimIsRejectedWithoutAllocatingIt() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] claims2gb = IdxFiles.header(0x804, 2, 1024, 1024, 1024);
        byte[] claims1gb = IdxFiles.header(0x801, 1 << 30);
        for (byte[] file : new byte[][] {claims2gb, IdxFiles.gzip(claims2gb), IdxFiles.gzip(claims1gb)}) {
            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            String m = failure("claims-2gb", file);
            long allocated =
                    threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            assertTrue(m.startsWith("is too large or corrupt") || m.startsWith("is corrupt"), m);
            assertTrue(allocated < 16_000_000, allocated + " bytes allocated to reject: " + m);
        }
    }

    @Test
    void randomBytesAreRejectedWithAnIoExceptionNamingTheFile() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (byte) random.nextInt(256);
            }
            if (bytes.length >= 4 && random.nextBoolean()) {
                bytes[0] = 0; // a plausible magic number: two zero bytes, a real type, a small rank
                bytes[1] = 0;
                bytes[2] = (byte) (0x08 + random.nextInt(7));
                bytes[3] = (byte) random.nextInt(0, 4);
            }
            byte[] file = random.nextInt(4) == 0 ? IdxFiles.gzip(bytes) : bytes;
            assertTrue(failure("random-" + i, file).length() > 0);
            Path f = dir.resolve("random-" + i);
            String m = assertThrows(IOException.class, () -> IdxReader.readUnsignedBytes(f))
                    .getMessage();
            assertTrue(m.startsWith("IdxReader: " + f + " "), m);
        }
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] extra = Arrays.copyOf(IdxFiles.ubyte(PIXELS, 6), 4 + 4 + 6 + 3);
        assertEquals(
                "has 3 trailing bytes: its header claims dimensions [6] = 6 bytes of data but 9 follow the header",
                failure("trailing", extra));
        assertEquals(
                "has trailing bytes: its header claims dimensions [6] = 6 bytes of data but more data follows",
                failure("trailing.gz", IdxFiles.gzip(extra)));
    }
}
