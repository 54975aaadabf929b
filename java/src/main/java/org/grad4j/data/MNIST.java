package org.grad4j.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * LeCun, Cortes and Burges' MNIST: 28x28 grey images of handwritten digits, 60000 for training
 * and 10000 for testing, like {@code torchvision.datasets.MNIST}.
 *
 * <p>The files are looked up in the given root, the cache ({@code ~/.grad4j/datasets/mnist}),
 * then {@code /usr/share/datasets/mnist}, and otherwise downloaded from the mirror torchvision
 * uses, with SHA-256 verification; see {@link DatasetOptions}.
 *
 * <p>Shape: {@link #images()} {@code [N, 1, 28, 28]} in [0, 1], {@link #labels()} {@code [N]};
 * {@link #get(int)} gives {@code {image [1, 28, 28], label []}}.
 *
 * <pre>{@code
 * MNIST test = new MNIST(null, false);
 * test.size();        // 10000
 * }</pre>
 *
 * @see <a href="https://yann.lecun.com/exdb/mnist/">MNIST</a>
 */
public final class MNIST extends MnistDataset {
    /** The dataset's directory name in caches and mirrors. */
    public static final String NAME = "mnist";
    /** The mirror torchvision downloads from. */
    public static final String DEFAULT_MIRROR = "https://ossci-datasets.s3.amazonaws.com/mnist/";
    /** Searched after the cache. */
    public static final Path SYSTEM_DIR = Path.of("/usr/share/datasets/mnist");
    /**
     * SHA-256 of the original files (whose MD5s torchvision checks: f68b3c2d..., d53e105e...,
     * 9fb629c4..., ec29112d...).
     */
    public static final Map<String, String> SHA256 = Map.of(
            "train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            "train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            "t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            "t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6");
    /** The class names, indexed by label (as torchvision names them). */
    public static final List<String> CLASSES = List.of(
            "0 - zero",
            "1 - one",
            "2 - two",
            "3 - three",
            "4 - four",
            "5 - five",
            "6 - six",
            "7 - seven",
            "8 - eight",
            "9 - nine");

    private static final Spec SPEC = new Spec("MNIST", NAME, DEFAULT_MIRROR, SYSTEM_DIR, SHA256, CLASSES, "");

    /**
     * One split, found or downloaded with the default options, as
     * {@code torchvision.datasets.MNIST(root, train, download=True)}.
     *
     * @param root a directory to search first (may be null)
     * @param train the training split (true) or the test split (false)
     * @throws java.io.UncheckedIOException if the files cannot be found, downloaded or read
     */
    public MNIST(Path root, boolean train) {
        this(new DatasetOptions().root(root).train(train));
    }

    /**
     * One split, found or downloaded as {@code options} say.
     *
     * @param options where to look, which split, and how to download
     * @throws java.io.UncheckedIOException if the files cannot be found, downloaded or read
     */
    public MNIST(DatasetOptions options) {
        super(SPEC, options);
    }
}
