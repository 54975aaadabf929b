package org.grad4j.io;

import java.io.IOException;
import java.nio.file.Path;

/** A safetensors file that cannot be read: malformed, truncated, hostile or of an unsupported dtype. */
public final class SafetensorsException extends IOException {
    public SafetensorsException(Path file, String problem) {
        super("safetensors: " + file + ": " + problem);
    }
}
