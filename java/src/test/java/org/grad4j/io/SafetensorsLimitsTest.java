package org.grad4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a hostile file can make the reader do is bounded: no blocking, no allocation beyond its size. */
class SafetensorsLimitsTest {
    @TempDir
    Path dir;

    private static final String EMPTY = "{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}";
    private static final String HALF = "{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[%d,%d]}";

    /** A header listing {@code empty} empty tensors and {@code halves} one-element F16 tensors, with their data. */
    private static byte[] tensors(int empty, int halves) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < empty; i++) {
            json.append(json.length() > 1 ? "," : "")
                    .append("\"e")
                    .append(i)
                    .append("\":")
                    .append(EMPTY);
        }
        for (int i = 0; i < halves; i++) {
            json.append(json.length() > 1 ? "," : "")
                    .append("\"h")
                    .append(i)
                    .append("\":")
                    .append(String.format(HALF, 2 * i, 2 * i + 2));
        }
        return SafetensorsTest.file(json.append('}').toString(), new byte[2 * halves]);
    }

    private SafetensorsException rejects(byte[] bytes) throws IOException {
        Path f = Files.write(dir.resolve("f.safetensors"), bytes);
        return assertThrows(SafetensorsException.class, () -> Safetensors.load(f));
    }

    @Test
    void namedPipesAndDirectoriesAreRefusedWithoutWaitingForAWriter() throws Exception {
        Path pipe = NamedPipes.create(dir.resolve("pipe.safetensors"));
        SafetensorsException e =
                NamedPipes.assertRefused(SafetensorsException.class, pipe, () -> Safetensors.load(pipe));
        assertEquals(
                "safetensors: " + pipe + ": is a named pipe, device or socket, not a regular file", e.getMessage());
        e = NamedPipes.assertRefused(SafetensorsException.class, pipe, () -> Checkpoint.load(pipe));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        e = assertThrows(SafetensorsException.class, () -> Safetensors.load(dir));
        assertEquals("safetensors: " + dir + ": is a directory, not a regular file", e.getMessage());
    }

    @Test
    void aHeaderOfManyEmptyTensorsIsRefusedBeforeTheyAreBuilt() throws IOException {
        byte[] bytes = tensors(100_000, 0);
        long before = ThreadAllocation.bytes();
        SafetensorsException e = rejects(bytes);
        long allocated = ThreadAllocation.bytes() - before;
        assertTrue(
                e.getMessage()
                        .endsWith("the header lists more than 1024 tensors, the most a data buffer of 0 bytes allows "
                                + "(1024 plus one per 2 bytes)"),
                e.getMessage());
        // reading the file and decoding its header, and no more
        assertTrue(allocated < 5L * bytes.length, allocated + " bytes allocated for a file of " + bytes.length);
    }

    @Test
    void tensorsAreBoundedByTheDataTheyCouldOccupy() throws IOException {
        Path f = Files.write(dir.resolve("ok.safetensors"), tensors(1024, 3000));
        assertEquals(4024, Safetensors.load(f).tensors().size());
        String m = rejects(tensors(1025, 3000)).getMessage();
        assertTrue(m.contains("more than 4024 tensors, the most a data buffer of 6000 bytes allows"), m);
    }

    @Test
    void arraysAndObjectsInTheHeaderAreBounded() throws IOException {
        String shape65 = "[" + "1,".repeat(64) + "1]";
        String m = rejects(SafetensorsTest.file(
                        "{\"x\":{\"dtype\":\"F32\",\"shape\":" + shape65 + ",\"data_offsets\":[0,4]}}", new byte[4]))
                .getMessage();
        assertTrue(m.contains("malformed header JSON at character 157: an array has more than 64 elements"), m);
        StringBuilder metadata = new StringBuilder("{\"__metadata__\":{");
        for (int i = 0; i <= 65_536; i++) {
            metadata.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"\"");
        }
        m = rejects(SafetensorsTest.file(metadata.append("}}").toString(), new byte[0]))
                .getMessage();
        assertTrue(m.contains(": an object has more than 65536 members"), m);
    }

    @Test
    void aMappedFileTruncatedWhileReadIsAnIoExceptionNamingIt() throws IOException {
        Path f = dir.resolve("shrinks.safetensors");
        Safetensors.save(f, Map.of("t", Tensor.ones(4096)), Map.of());
        long size = Files.size(f);
        MappedByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(f, StandardOpenOption.READ)) {
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
        try (RandomAccessFile file = new RandomAccessFile(f.toFile(), "rw")) {
            file.setLength(0);
        }
        ByteBuffer whole = mapped;
        SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.read(f, whole));
        assertEquals(
                "safetensors: " + f + ": reading the memory-mapped file failed (" + size + " bytes when opened, 0 "
                        + "bytes now): it was truncated or changed while being read",
                e.getMessage());
    }
}
