package org.grad4j.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.grad4j.data.DatasetOptions;
import org.grad4j.data.FashionMNIST;
import org.grad4j.tensor.Tensor;

/**
 * Fashion-MNIST for the examples: from {@code --data}, the cache, the Debian package or a
 * download (see {@link FashionMNIST}); where none of them serves, the small real subset embedded
 * in this jar, announced loudly.
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
    static Tensor standardize(Tensor images) {
        Tensor centred = images.sub(PIXEL_MEAN);
        // As Normalize does on its own copy: dividing the tensor that sub just made in place makes
        // one [B, 1, 28, 28] per batch instead of two, with the same values. Where it records a
        // gradient it is divided out of place, so that autograd sees the division.
        return centred.requiresGrad() ? centred.div(PIXEL_STD) : centred.div_(PIXEL_STD);
    }

    /** The training and test sets, and whether they are the embedded subset. */
    public record Split(FashionMNIST train, FashionMNIST test, boolean subset) {}

    private FashionData() {}

    public static Split load(Options o) {
        return load(o, new DatasetOptions());
    }

    /** As {@link #load(Options)}, looking where {@code base} says (tests point it at empty places). */
    static Split load(Options o, DatasetOptions base) {
        DatasetOptions full = base.progress(System.err);
        if (!o.string("data").isEmpty()) {
            full.root(Path.of(o.string("data")));
        }
        try {
            return new Split(new FashionMNIST(full.train(true)), new FashionMNIST(full.train(false)), false);
        } catch (UncheckedIOException e) {
            System.err.println("WARNING: Fashion-MNIST is not available: " + e.getMessage());
            System.err.println("WARNING: training on the subset embedded in this jar (4,000 training and 1,000 test"
                    + " images); accuracy will be well below the full dataset's. Install the Debian package"
                    + " dataset-fashion-mnist or pass --data DIR for the real run.");
            Path dir = extractSubset();
            DatasetOptions subset = new DatasetOptions().root(dir).download(false);
            return new Split(new FashionMNIST(subset.train(true)), new FashionMNIST(subset.train(false)), true);
        }
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
