package org.grad4j.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.grad4j.tensor.Tensor;

/**
 * The common form of {@link MNIST} and {@link FashionMNIST}: 28x28 grey images with one class
 * label each, read from the four IDX files of the original distribution and held in memory.
 *
 * <p>Shape: {@link #images()} {@code [N, 1, 28, 28]} with values scaled to [0, 1];
 * {@link #labels()} {@code [N]} holding class indices as floats; {@link #get(int)} returns
 * {@code {image [1, 28, 28], label []}}. N is 60000 for the training split and 10000 for the
 * test split of the published files.
 */
public abstract sealed class MnistDataset extends TensorDataset permits MNIST, FashionMNIST {
    /** What distinguishes one MNIST-format dataset from another. */
    record Spec(String owner, String name, String defaultMirror, Path systemDir, Map<String, String> sha256,
            List<String> classes, String installHint) {
    }

    private final boolean train;
    private final List<String> classes;

    MnistDataset(Spec spec, DatasetOptions options) {
        super(load(spec, options));
        this.train = options.train();
        this.classes = spec.classes();
    }

    /** All images, {@code [N, 1, 28, 28]} in [0, 1] (not a copy). */
    public Tensor images() {
        return tensor(0);
    }

    /** All labels, {@code [N]} class indices in [0, classes().size()) (not a copy). */
    public Tensor labels() {
        return tensor(1);
    }

    /** Whether this is the training split (else the test split). */
    public boolean isTrain() {
        return train;
    }

    /** The class names, indexed by label. */
    public List<String> classes() {
        return classes;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(split=" + (train ? "train" : "test") + ", size=" + size() + ")";
    }

    private static Tensor[] load(Spec spec, DatasetOptions options) {
        DatasetFiles files = new DatasetFiles(spec.owner(), spec.name(), options, spec.systemDir(),
                spec.defaultMirror(), spec.sha256(), spec.installHint());
        String split = options.train() ? "train" : "t10k";
        try {
            Path imagesFile = files.locate(split + "-images-idx3-ubyte");
            Path labelsFile = files.locate(split + "-labels-idx1-ubyte");
            Tensor images = IdxReader.read(imagesFile);
            Tensor labels = IdxReader.read(labelsFile);
            int[] s = images.shape();
            if (s.length != 3 || s[1] != 28 || s[2] != 28) {
                throw new IOException(spec.owner() + ": " + imagesFile + " holds data of shape " + Arrays.toString(s)
                        + ", expected images [N, 28, 28]");
            }
            if (labels.dim() != 1 || labels.size(0) != s[0]) {
                throw new IOException(spec.owner() + ": " + labelsFile + " holds data of shape "
                        + Arrays.toString(labels.shape()) + ", expected one label per image: [" + s[0] + "]");
            }
            checkLabels(spec, labelsFile, labels);
            images.div_(255f);
            return new Tensor[] {images.reshape(s[0], 1, 28, 28), labels};
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static void checkLabels(Spec spec, Path file, Tensor labels) throws IOException {
        float[] v = labels.toArray();
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || v[i] < 0 || v[i] >= spec.classes().size()) {
                throw new IOException(spec.owner() + ": " + file + " has label " + v[i] + " at position " + i
                        + ", expected a class index in [0, " + spec.classes().size() + ")");
            }
        }
    }
}
