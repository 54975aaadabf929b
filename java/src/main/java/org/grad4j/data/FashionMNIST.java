package org.grad4j.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Zalando's Fashion-MNIST: 28x28 grey images of clothing in 10 classes, 60000 for training and
 * 10000 for testing, like {@code torchvision.datasets.FashionMNIST}.
 *
 * <p>The files are looked up in the given root, the cache ({@code ~/.grad4j/datasets/fashion-mnist}),
 * then {@code /usr/share/datasets/fashion-mnist} (Debian's {@code dataset-fashion-mnist} package),
 * and otherwise downloaded from the public address with SHA-256 verification; see
 * {@link DatasetOptions}.
 *
 * <p>Shape: {@link #images()} {@code [N, 1, 28, 28]} in [0, 1], {@link #labels()} {@code [N]};
 * {@link #get(int)} gives {@code {image [1, 28, 28], label []}}.
 *
 * <pre>{@code
 * FashionMNIST train = new FashionMNIST(null, true);
 * train.size();                                   // 60000
 * train.classes().get((int) train.get(0)[1].item());   // "Ankle boot"
 * }</pre>
 *
 * @see <a href="https://github.com/zalandoresearch/fashion-mnist">Fashion-MNIST</a>
 */
public final class FashionMNIST extends MnistDataset {
    /** The dataset's directory name in caches and mirrors. */
    public static final String NAME = "fashion-mnist";
    /** Where the files are published. */
    public static final String DEFAULT_MIRROR = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path SYSTEM_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /**
     * SHA-256 of the published files. Upstream publishes only MD5s; these were computed from the
     * Debian package's files, whose gzip headers Debian rewrote (file name dropped, time changed):
     * with the original header restored, each file's MD5 equals upstream's (train-images
     * 8d4fb7e6c68d591d4c3dfef9ec88bf0d, train-labels 25c81989df183df01b3e8a0aad5dffbe, t10k-images
     * bef4ecab320f06d8554ea6380940ec79, t10k-labels bb300cfdad3c16e7a12a480ee83cd310).
     */
    public static final Map<String, String> SHA256 = Map.of(
            "train-images-idx3-ubyte.gz", "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
            "train-labels-idx1-ubyte.gz", "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
            "t10k-images-idx3-ubyte.gz", "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
            "t10k-labels-idx1-ubyte.gz", "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5");
    /** The class names, indexed by label. */
    public static final List<String> CLASSES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final Spec SPEC = new Spec(
            "FashionMNIST",
            NAME,
            DEFAULT_MIRROR,
            SYSTEM_DIR,
            SHA256,
            CLASSES,
            " (on Debian or Ubuntu: apt-get install dataset-fashion-mnist)");

    /**
     * One split, found or downloaded with the default options, as
     * {@code torchvision.datasets.FashionMNIST(root, train, download=True)}.
     *
     * @param root a directory to search first (may be null)
     * @param train the training split (true) or the test split (false)
     * @throws java.io.UncheckedIOException if the files cannot be found, downloaded or read
     */
    public FashionMNIST(Path root, boolean train) {
        this(new DatasetOptions().root(root).train(train));
    }

    /**
     * One split, found or downloaded as {@code options} say.
     *
     * @param options where to look, which split, and how to download
     * @throws java.io.UncheckedIOException if the files cannot be found, downloaded or read
     */
    public FashionMNIST(DatasetOptions options) {
        super(SPEC, options);
    }
}
