package org.grad4j.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds a dataset's files in the places {@link DatasetOptions} names, in order, and downloads
 * the ones found nowhere into the cache dir. A file may be stored compressed ({@code name.gz})
 * or not ({@code name}); downloads are always the {@code .gz} form.
 */
final class DatasetFiles {
    private final String owner;
    private final List<Path> dirs = new ArrayList<>();
    private final List<String> dirNames = new ArrayList<>();
    private final Path cacheDir;
    private final String mirror;
    private final Map<String, String> sha256;
    private final DatasetOptions options;
    private final String installHint;

    /**
     * @param owner the dataset class, for messages
     * @param name the dataset's directory name in caches and mirrors
     * @param installHint appended to "not found" messages (e.g. the system package), or ""
     */
    DatasetFiles(
            String owner,
            String name,
            DatasetOptions options,
            Path systemDir,
            String defaultMirror,
            Map<String, String> defaultSha256,
            String installHint) {
        this.owner = owner;
        this.options = options;
        this.cacheDir = options.cacheDirFor(name);
        this.mirror = options.mirrorFor(name, defaultMirror);
        this.sha256 = options.sha256Or(defaultSha256);
        this.installHint = installHint;
        if (options.root() != null) {
            add(options.root(), "the given root");
        }
        add(cacheDir, "the cache");
        if (options.systemDirOr(systemDir) != null) {
            add(options.systemDirOr(systemDir), "the system directory");
        }
    }

    private void add(Path dir, String what) {
        dirs.add(dir);
        dirNames.add(what + " " + dir);
    }

    /**
     * The first of {@code dir/base}, {@code dir/base.gz} that exists, over the dirs in order; else a
     * download. One that exists but is not a regular file (a directory, a named pipe) is an error.
     */
    Path locate(String base) throws IOException {
        for (Path dir : dirs) {
            for (String fileName : List.of(base, base + ".gz")) {
                Path p = dir.resolve(fileName);
                if (Files.isRegularFile(p)) {
                    return p;
                }
                if (Files.exists(p)) {
                    throw new IOException(owner + ": " + p + " is "
                            + (Files.isDirectory(p) ? "a directory" : "a named pipe, device or socket")
                            + ", not a regular file");
                }
            }
        }
        String url = mirror + base + ".gz";
        String missing = owner + ": " + base + "[.gz] was not found in " + String.join(", ", dirNames);
        if (!options.download()) {
            throw new IOException(
                    missing + "; downloading is off (download(true) would fetch " + url + ")" + installHint);
        }
        Path target = cacheDir.resolve(base + ".gz");
        try {
            Download.fetch(URI.create(url), target, sha256.get(base + ".gz"), options.progress());
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(missing + ", and downloading " + url + " failed: " + e.getMessage() + installHint, e);
        }
        return target;
    }
}
