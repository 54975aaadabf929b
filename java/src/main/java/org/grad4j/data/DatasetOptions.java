package org.grad4j.data;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a downloadable dataset ({@link MNIST}, {@link FashionMNIST}) looks for its files, how it
 * downloads them, and how it scales its pixels; every setting has a default, so
 * {@code new DatasetOptions()} works.
 *
 * <p>Files are looked up in this order: {@link #root} (if given), {@link #cacheDir}, the
 * dataset's {@link #systemDir} (where a system package installs it); a file found nowhere is
 * downloaded from {@link #mirror} into the cache dir (unless {@link #download} is off) and
 * kept only if its SHA-256 is the one in {@link #sha256}. Files found locally are not hashed
 * (repackaged copies such as Debian's differ in their gzip headers); their structure is
 * checked when they are read.
 *
 * <pre>{@code
 * FashionMNIST test = new FashionMNIST(new DatasetOptions().train(false).download(false));
 * }</pre>
 */
public final class DatasetOptions {
    /** System property: a directory holding one cache directory per dataset (default ~/.grad4j/datasets). */
    public static final String CACHE_PROPERTY = "grad4j.data.cache";
    /** System property: the base URL of a mirror holding one folder per dataset ({@code <mirror>/<name>/<file>}). */
    public static final String MIRROR_PROPERTY = "grad4j.data.mirror";

    private Path root;
    private boolean train = true;
    private Path cacheDir;
    private Path systemDir;
    private String mirror;
    private Map<String, String> sha256;
    private boolean download = true;
    private PrintStream progress = System.err;
    private float mean = 0f;
    private float std = 1f;

    /** The defaults: no directory of the user's; the cache and the system folder searched; download allowed. */
    public DatasetOptions() {}

    /**
     * A directory to search first, like torchvision's {@code root}; default none.
     *
     * @param dir the directory, or null for none
     * @return these options
     */
    public DatasetOptions root(Path dir) {
        this.root = dir;
        return this;
    }

    /**
     * The training split (true, the default) or the test split (false), as torchvision's {@code train}.
     *
     * @param value which split to load
     * @return these options
     */
    public DatasetOptions train(boolean value) {
        this.train = value;
        return this;
    }

    /**
     * The directory downloads are cached in; default {@code <grad4j.data.cache>/<name>} if that
     * property is set, else {@code ~/.grad4j/datasets/<name>}.
     *
     * @param dir the directory, or null for the default
     * @return these options
     */
    public DatasetOptions cacheDir(Path dir) {
        this.cacheDir = dir;
        return this;
    }

    /**
     * The system-wide directory searched after the cache; default the dataset's (e.g. /usr/share/datasets/...).
     *
     * @param dir the directory, or null for the default
     * @return these options
     */
    public DatasetOptions systemDir(Path dir) {
        this.systemDir = dir;
        return this;
    }

    /**
     * The base URL the files are downloaded from ({@code <mirror><file name>}); default
     * {@code <grad4j.data.mirror>/<name>/} if that property is set, else the dataset's public address.
     *
     * @param baseUrl the URL; a missing trailing slash is added
     * @return these options
     */
    public DatasetOptions mirror(String baseUrl) {
        this.mirror = baseUrl;
        return this;
    }

    /**
     * Expected SHA-256 (hex) of each downloadable file, by file name; default the dataset's published table.
     *
     * @param table hashes by file name (copied)
     * @return these options
     * @throws NullPointerException if {@code table} or an entry in it is null
     */
    public DatasetOptions sha256(Map<String, String> table) {
        this.sha256 = Map.copyOf(table);
        return this;
    }

    /**
     * Whether a file found nowhere is downloaded (default true), as torchvision's {@code download}.
     *
     * @param value false to fail instead of downloading
     * @return these options
     */
    public DatasetOptions download(boolean value) {
        this.download = value;
        return this;
    }

    /**
     * Pixels as {@code (value / 255 − mean) / std}, in float arithmetic, as torchvision's
     * {@code Normalize((mean,), (std,))} after {@code ToTensor()} gives them, and as
     * {@code images.sub(mean).div(std)} would; default mean 0 and std 1, pixels in [0, 1]. The
     * dataset converts each pixel with one table lookup either way, so standardizing here costs
     * nothing, where the same ops in a training step cost two passes over every batch.
     *
     * @param mean subtracted from every pixel in [0, 1]
     * @param std what the difference is divided by
     * @return these options
     * @throws IllegalArgumentException if {@code mean} is not finite or {@code std} is not finite and positive
     */
    public DatasetOptions normalize(float mean, float std) {
        if (!Float.isFinite(mean) || !Float.isFinite(std) || !(std > 0f)) {
            throw new IllegalArgumentException(
                    "DatasetOptions.normalize: expects a finite mean and a finite std > 0, got mean " + mean
                            + " and std " + std);
        }
        this.mean = mean;
        this.std = std;
        return this;
    }

    /**
     * Where download progress is shown (default System.err).
     *
     * @param out the stream, or null for none
     * @return these options
     */
    public DatasetOptions progress(PrintStream out) {
        this.progress = out;
        return this;
    }

    Path root() {
        return root;
    }

    boolean train() {
        return train;
    }

    Path cacheDirFor(String name) {
        if (cacheDir != null) {
            return cacheDir;
        }
        String base = System.getProperty(CACHE_PROPERTY);
        return base != null && !base.isBlank()
                ? Path.of(base).resolve(name)
                : Path.of(System.getProperty("user.home"), ".grad4j", "datasets", name);
    }

    Path systemDirOr(Path defaultDir) {
        return systemDir != null ? systemDir : defaultDir;
    }

    String mirrorFor(String name, String defaultMirror) {
        String base = mirror;
        if (base == null) {
            String property = System.getProperty(MIRROR_PROPERTY);
            base = property != null && !property.isBlank() ? withSlash(property) + name : defaultMirror;
        }
        return withSlash(base);
    }

    Map<String, String> sha256Or(Map<String, String> defaults) {
        return sha256 != null ? sha256 : defaults;
    }

    boolean download() {
        return download;
    }

    PrintStream progress() {
        return progress;
    }

    /** {@code (v / 255f - mean) / std} for every byte value v. */
    float[] pixelValues() {
        float[] values = new float[256];
        for (int v = 0; v < values.length; v++) {
            values[v] = (v / 255f - mean) / std;
        }
        return values;
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
