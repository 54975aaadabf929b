package org.grad4j.io;

import java.io.IOException;
import java.nio.file.Path;

/** A safetensors file that cannot be read: malformed, truncated, hostile or of an unsupported dtype. */
public final class SafetensorsException extends IOException {
    /**
     * An exception whose message names the file and the problem.
     *
     * @param file the file being read
     * @param problem what is wrong with it
     */
    public SafetensorsException(Path file, String problem) {
        super("safetensors: " + file + ": " + problem);
    }
}
