package org.grad4j.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.grad4j.data.DatasetOptions;
import org.grad4j.data.FashionMNIST;
import org.grad4j.tensor.Tensor;

/**
 * Fashion-MNIST for the examples: from {@code --data} only, when given; else from the first of
 * the cache and the Debian package's folder that holds it, or a download into the cache (see
 * {@link FashionMNIST}); where none of them serves, the small real subset embedded in this jar,
 * announced loudly. Every load prints one line, {@code data: ...}, saying which it was.
 */
public final class FashionData {
    static final String SUBSET = "fashion-mnist-subset";
    private static final String[] FILES = {
        "train-images-idx3-ubyte.gz",
        "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz",
        "t10k-labels-idx1-ubyte.gz"
    };

    /** The mean and standard deviation of the training images' pixels (in [0, 1]). */
    static final float PIXEL_MEAN = 0.2860f;

    static final float PIXEL_STD = 0.3530f;

    /**
     * Images standardized with the training set's pixel statistics, as torchvision's {@code Normalize}
     * does: {@code (images - mean) / std}, a new tensor; {@code images} is not modified.
     */
    public static Tensor standardize(Tensor images) {
        Tensor centred = images.sub(PIXEL_MEAN);
        // As Normalize does on its own copy: dividing the tensor that sub just made in place makes
        // one [B, 1, 28, 28] per batch instead of two, with the same values. Where it records a
        // gradient it is divided out of place, so that autograd sees the division.
        return centred.requiresGrad() ? centred.div(PIXEL_STD) : centred.div_(PIXEL_STD);
    }

    /** The training and test sets, where they came from, and whether they are the embedded subset. */
    public record Split(FashionMNIST train, FashionMNIST test, String source, boolean subset) {}

    /** Where to look when no folder is given, and where to download from (null: the default mirror). */
    record Places(Path cache, Path system, String mirror) {
        /** The places {@link DatasetOptions} searches by default. */
        static Places defaults() {
            String base = System.getProperty(DatasetOptions.CACHE_PROPERTY);
            Path cache = base != null && !base.isBlank()
                    ? Path.of(base).resolve(FashionMNIST.NAME)
                    : Path.of(System.getProperty("user.home"), ".grad4j", "datasets", FashionMNIST.NAME);
            return new Places(cache, FashionMNIST.SYSTEM_DIR, null);
        }
    }

    private FashionData() {}

    /** From {@code dir} if not null (which must hold the files), else from the default places. */
    public static Split load(Path dir) {
        return load(dir, Places.defaults(), false);
    }

    /**
     * As {@link #load(Path)}, with the datasets giving pixels already standardized: the values
     * {@link #standardize} gives, bit for bit, made by the data loader's thread as it converts the
     * bytes, instead of two passes over every batch in the training step.
     */
    public static Split loadStandardized(Path dir) {
        return load(dir, Places.defaults(), true);
    }

    /** From {@code dir} if not null, else from {@code places}; {@code standardized} as {@link #loadStandardized}. */
    static Split load(Path dir, Places places, boolean standardized) {
        Split split = dir != null ? read(dir, "Fashion-MNIST from " + dir, standardized) : find(places, standardized);
        System.out.println("data: " + split.source());
        return split;
    }

    /** The files of the four that {@code dir} lacks, each looked for compressed or not. */
    static List<String> missing(Path dir) {
        return Arrays.stream(FILES)
                .filter(f -> !Files.isRegularFile(dir.resolve(f))
                        && !Files.isRegularFile(dir.resolve(f.replaceFirst("\\.gz$", ""))))
                .toList();
    }

    private static Split find(Places places, boolean standardized) {
        if (missing(places.cache()).isEmpty()) {
            return read(places.cache(), "Fashion-MNIST from the cache " + places.cache(), standardized);
        }
        if (missing(places.system()).isEmpty()) {
            return read(
                    places.system(),
                    "Fashion-MNIST from " + places.system() + " (the Debian package dataset-fashion-mnist)",
                    standardized);
        }
        try {
            DatasetOptions options = pixels(standardized)
                    .cacheDir(places.cache())
                    .systemDir(places.system())
                    .mirror(places.mirror())
                    .progress(System.err);
            return new Split(
                    new FashionMNIST(options.train(true)),
                    new FashionMNIST(options.train(false)),
                    "Fashion-MNIST downloaded to the cache " + places.cache(),
                    false);
        } catch (UncheckedIOException e) {
            System.err.println("WARNING: Fashion-MNIST is not available: " + e.getMessage());
            System.err.println("WARNING: training on the subset embedded in this jar (4,000 training and 1,000 test"
                    + " images); accuracy will be well below the full dataset's. Install the Debian package"
                    + " dataset-fashion-mnist or pass --data DIR for the real run.");
            Split subset = read(extractSubset(), "the Fashion-MNIST subset embedded in this jar", standardized);
            return new Split(
                    subset.train(),
                    subset.test(),
                    "the Fashion-MNIST subset embedded in this jar (4,000 training and 1,000 test images)",
                    true);
        }
    }

    /** Options whose datasets scale pixels to [0, 1], or standardize them as {@link #standardize} does. */
    static DatasetOptions pixels(boolean standardized) {
        DatasetOptions options = new DatasetOptions();
        return standardized ? options.normalize(PIXEL_MEAN, PIXEL_STD) : options;
    }

    /** Both splits from {@code dir} alone. */
    private static Split read(Path dir, String source, boolean standardized) {
        DatasetOptions options = pixels(standardized).root(dir).download(false);
        return new Split(new FashionMNIST(options.train(true)), new FashionMNIST(options.train(false)), source, false);
    }

    /**
     * Copies the embedded subset (4,000 training and 1,000 test images) to a temporary directory
     * (deleted at exit) and returns it; {@code new FashionMNIST(dir, train)} reads it.
     */
    public static Path extractSubset() {
        try {
            Path dir = Files.createTempDirectory("grad4j-" + SUBSET);
            for (String file : FILES) {
                Path target = dir.resolve(file);
                try (InputStream in = FashionData.class.getResourceAsStream(SUBSET + "/" + file)) {
                    if (in == null) {
                        throw new IOException("examples: the jar lacks its embedded " + SUBSET + "/" + file);
                    }
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                target.toFile().deleteOnExit();
            }
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
