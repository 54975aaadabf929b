package org.grad4j.examples;

import java.nio.file.Path;

/** The line that tells where a run's files went: {@code wrote metrics.csv, loss.png to out/mlp/}. */
public final class WrittenFiles {
    private WrittenFiles() {}

    /** Prints which files a run wrote to {@code dir}. */
    public static void print(Path dir, String... files) {
        String folder = dir.toString().isEmpty() ? "." : dir.toString();
        System.out.println("wrote " + String.join(", ", files) + " to " + folder
                + dir.getFileSystem().getSeparator());
    }
}
