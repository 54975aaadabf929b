package org.grad4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.grad4j.io.FuzzFiles;
import org.grad4j.io.ThreadAllocation;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes given to IdxReader give a tensor of the claimed shape or an IOException naming the
 * file, never another exception, within a time and an allocation bounded by what the file holds
 * (its bytes, or what they inflate to); readUnsignedBytes agrees with read.
 *
 * <p>Without JAZZER_FUZZ this runs the inputs in {@code IdxReaderFuzzTestInputs/read/} as plain
 * tests; CONTRIBUTING.md gives the command that fuzzes.
 */
class IdxReaderFuzzTest {
    /** Buffers, data, its float32 copy and the growth of the data buffer, per byte of content. */
    private static final long BYTES_PER_BYTE = 16;

    private static final long CONSTANT = 1 << 20;

    @TempDir
    static Path dir;

    /** The bytes the reader can get from the file: its own, or as many as its gzip data inflates to. */
    private static long contentBytes(byte[] file) {
        if (file.length < 2 || (file[0] & 0xff) != 0x1f || (file[1] & 0xff) != 0x8b) {
            return file.length;
        }
        long n = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(file))) {
            for (long skipped; (skipped = in.skip(1 << 16)) > 0 || in.read() >= 0; ) {
                n += Math.max(skipped, 1);
            }
        } catch (IOException corrupt) {
            // what inflated before the corruption was counted
        }
        return n;
    }

    private static void assertRefused(IOException e, Path f) {
        assertTrue(e.getMessage().startsWith("IdxReader: " + f + " "), e.getMessage());
    }

    /** What read and readUnsignedBytes gave: a result, or null where they threw a documented IOException. */
    private record Outcome(Tensor values, IdxReader.UnsignedBytes bytes) {}

    private static Outcome readBoth(Path f) {
        Tensor values = null;
        try {
            values = IdxReader.read(f);
        } catch (IOException e) {
            assertRefused(e, f);
        }
        IdxReader.UnsignedBytes bytes = null;
        try {
            bytes = IdxReader.readUnsignedBytes(f);
        } catch (IOException e) {
            assertRefused(e, f);
        }
        return new Outcome(values, bytes);
    }

    @FuzzTest
    @Timeout(10)
    void read(byte[] file) throws IOException {
        Path f = FuzzFiles.overwrite(dir.resolve("fuzz.idx"), file);
        long bound = CONSTANT + BYTES_PER_BYTE * contentBytes(file);
        // A first run of a code path also loads and initialises classes: an allocation over the
        // bound is measured again before it fails.
        long allocated = Long.MAX_VALUE;
        Outcome outcome = null;
        for (int run = 0; run < 2 && allocated > bound; run++) {
            long before = ThreadAllocation.bytes();
            outcome = readBoth(f);
            allocated = ThreadAllocation.bytes() - before;
        }
        assertTrue(allocated <= bound, allocated + " bytes allocated to read a file of " + file.length);
        if (outcome.bytes() != null) {
            assertNotNull(outcome.values(), "readUnsignedBytes read what read refused");
            assertArrayEquals(outcome.bytes().shape(), outcome.values().shape());
            float[] v = outcome.values().toArray();
            assertEquals(outcome.bytes().data().length, v.length);
            for (int i = 0; i < v.length; i++) {
                assertEquals(outcome.bytes().data()[i] & 0xff, v[i]);
            }
        }
    }
}
