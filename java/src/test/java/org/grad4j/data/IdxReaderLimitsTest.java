package org.grad4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.grad4j.io.NamedPipes;
import org.grad4j.io.ThreadAllocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** What a hostile IDX file can make the reader do is bounded: no blocking, no allocation on the header's word. */
class IdxReaderLimitsTest {
    @TempDir
    Path dir;

    /** The message of the IOException {@code read} throws, checking it allocated less than {@code limit} bytes. */
    private static String refused(long limit, Executable read) {
        long before = ThreadAllocation.bytes();
        String m = assertThrows(IOException.class, read).getMessage();
        long allocated = ThreadAllocation.bytes() - before;
        assertTrue(allocated < limit, allocated + " bytes allocated to refuse: " + m);
        return m;
    }

    @Test
    void namedPipesAndDirectoriesAreRefusedWithoutWaitingForAWriter() throws Exception {
        Path pipe = NamedPipes.create(dir.resolve("train-images-idx3-ubyte"));
        String m = NamedPipes.assertRefused(IOException.class, pipe, () -> IdxReader.read(pipe))
                .getMessage();
        assertEquals("IdxReader: " + pipe + " is a named pipe, device or socket, not a regular file", m);
        NamedPipes.assertRefused(IOException.class, pipe, () -> IdxReader.readUnsignedBytes(pipe));
        m = assertThrows(IOException.class, () -> IdxReader.read(dir)).getMessage();
        assertEquals("IdxReader: " + dir + " is a directory, not a regular file", m);
    }

    /** A gzip file of about 1 MB whose header claims 0.9 GiB of unsigned bytes, of which it holds 1 MB. */
    private Path bomb() {
        byte[] header = IdxFiles.header(0x801, 966_367_641);
        byte[] content = new byte[header.length + (1 << 20)];
        System.arraycopy(header, 0, content, 0, header.length);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = header.length; i < content.length; i++) {
            content[i] = (byte) random.nextInt(256); // incompressible: the file is as large as the claim allows
        }
        return IdxFiles.write(dir.resolve("bomb.gz"), IdxFiles.gzip(content));
    }

    @Test
    void aClaimTooLargeAsFloatsIsRefusedFromTheHeader() {
        Path f = bomb();
        assertEquals(
                "IdxReader: " + f + " is too large to read as float32: its header claims dimensions [966367641] = "
                        + "966367641 values, 3865470564 bytes as float32, more than the limit of 1073741824 bytes; "
                        + "readUnsignedBytes reads them as one byte each",
                refused(1 << 20, () -> IdxReader.read(f)));
    }

    @Test
    void aClaimLargerThanTheStreamIsRefusedAfterReadingOnlyWhatArrived() {
        Path f = bomb();
        assertEquals(
                "IdxReader: " + f + " is truncated: its header claims dimensions [966367641] = 966367641 bytes of "
                        + "data but the data ends after 1048576 bytes",
                refused(48 << 20, () -> IdxReader.readUnsignedBytes(f)));
    }

    @Test
    void aGzipClaimIsNotAllocatedBeforeItsDataArrives() {
        // A gzip file of 4 KiB may hold 4 MB by the deflate ratio; this one claims 4 MB and holds 10
        // bytes, followed by padding that gzip readers skip.
        byte[] member = IdxFiles.gzip(IdxFiles.ubyte(new byte[10], 4_000_000));
        Path f = IdxFiles.write(dir.resolve("short.gz"), java.util.Arrays.copyOf(member, 4096));
        assertEquals(
                "IdxReader: " + f + " is truncated: its header claims dimensions [4000000] = 4000000 bytes of data "
                        + "but the data ends after 10 bytes",
                refused(1 << 20, () -> IdxReader.readUnsignedBytes(f)));
    }

    @Test
    void aCallersShapeCheckRunsBeforeTheDataIsRead() {
        Path f = bomb();
        String m = refused(
                1 << 20,
                () -> IdxReader.readUnsignedBytes(f, shape -> {
                    throw new IOException("expected [3], got " + java.util.Arrays.toString(shape));
                }));
        assertEquals("expected [3], got [966367641]", m);
    }
}
