package org.grad4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The file a fuzz test hands each input to its reader through. */
public final class FuzzFiles {
    private FuzzFiles() {}

    /**
     * Replaces the content of {@code file} with {@code bytes}. The new content is written over the old
     * and the file then cut to length: on ext4, truncating a file to zero before writing it forces a
     * flush to disk, which cost milliseconds an input.
     */
    public static Path overwrite(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.truncate(bytes.length);
        }
        return file;
    }
}
