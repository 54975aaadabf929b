package org.grad4j.spark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Spark home made of this test's class path, for a local-cluster master whose workers start
 * executor JVMs: {@code jars/} links every jar of the class path, and the class-path folders
 * (this module's classes) are returned for {@code spark.executor.extraClassPath}.
 */
final class SparkHome {
    final Path home;
    final String folders;

    private SparkHome(Path home, String folders) {
        this.home = home;
        this.folders = folders;
    }

    static SparkHome assemble(Path dir) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path jars = Files.createDirectories(dir.resolve("jars"));
        Files.createDirectories(dir.resolve("launcher/target/scala-2.13"));
        List<String> folders = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(path)) {
                folders.add(path.toString());
            } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                // Numbered: two artifacts may share a file name (a platform jar and its main jar do not).
                Files.createSymbolicLink(jars.resolve((n++) + "-" + path.getFileName()), path);
            }
        }
        return new SparkHome(dir, String.join(File.pathSeparator, folders));
    }
}
