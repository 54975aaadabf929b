package org.grad4j.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.grad4j.backend.Backend;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * The common form of {@link MNIST} and {@link FashionMNIST}: 28x28 grey images with one class
 * label each, read from the four IDX files of the original distribution and held in memory.
 *
 * <p>The pixels are kept as the files store them, one unsigned byte each, and the labels as one
 * byte each, as torchvision keeps them in {@code uint8} tensors: the 60000 training images take
 * 47 MB instead of the 188 MB they would as floats. Float tensors are made only for what is
 * asked for, a sample ({@link #get(int)}) or a batch ({@link #getBatch(int[])}), with each pixel
 * {@code value / 255f}, exactly as {@code ToTensor} scales, or standardized as
 * {@link DatasetOptions#normalize} asks.
 *
 * <p>Shape: {@link #get(int)} returns {@code {image [1, 28, 28], label []}} and
 * {@link #getBatch(int[])} {@code {images [B, 1, 28, 28], labels [B]}}, with pixels in [0, 1]
 * (unless normalized) and class indices as floats; {@link #images()} {@code [N, 1, 28, 28]} and {@link #labels()}
 * {@code [N]} are the same for the whole split. N is 60000 for the training split and 10000 for
 * the test split of the published files.
 */
public abstract sealed class MnistDataset implements Dataset permits MNIST, FashionMNIST {
    /** What distinguishes one MNIST-format dataset from another. */
    record Spec(
            String owner,
            String name,
            String defaultMirror,
            Path systemDir,
            Map<String, String> sha256,
            List<String> classes,
            String installHint) {}

    private static final int SIDE = 28;
    private static final int PIXELS = SIDE * SIDE;

    /** What the files hold, checked: {@code pixels} 784 per image, {@code labels} one class index per image. */
    private record Samples(byte[] pixels, byte[] labels) {}

    private final boolean train;
    private final List<String> classes;
    private final byte[] pixels;
    private final byte[] labels;
    /** The float of every byte value (DatasetOptions#pixelValues): a batch is one table lookup per pixel. */
    private final float[] pixelValues;

    MnistDataset(Spec spec, DatasetOptions options) {
        Samples samples = load(spec, options);
        this.pixelValues = options.pixelValues();
        this.pixels = samples.pixels();
        this.labels = samples.labels();
        this.train = options.train();
        this.classes = spec.classes();
    }

    @Override
    public int size() {
        return labels.length;
    }

    /** Sample {@code index}: {@code {image [1, 28, 28], label []}}, new tensors, the pixels scaled as the options said. */
    @Override
    public Tensor[] get(int index) {
        checkIndex(index);
        float[] image = new float[PIXELS];
        Backend.current().lookupRows(pixels, PIXELS, new int[] {index}, pixelValues, image, 0);
        return new Tensor[] {Tensor.wrap(image, 1, SIDE, SIDE), Tensor.scalar(labels[index] & 0xff)};
    }

    /**
     * The samples at {@code indices}, converted from bytes straight into one new tensor per field:
     * {@code {images [B, 1, 28, 28], labels [B]}} with {@code B = indices.length}.
     *
     * @throws IllegalArgumentException if {@code indices} is empty or an index is out of range
     */
    @Override
    public Tensor[] getBatch(int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".getBatch: expects at least one index");
        }
        for (int index : indices) {
            checkIndex(index);
        }
        Tensor images = TensorInternals.forKernelOutput(indices.length, 1, SIDE, SIDE);
        Tensor batchLabels = TensorInternals.forKernelOutput(indices.length);
        Backend.current().lookupRows(pixels, PIXELS, indices, pixelValues, TensorInternals.data(images), 0);
        float[] classes = TensorInternals.data(batchLabels);
        for (int k = 0; k < indices.length; k++) {
            classes[k] = labels[indices[k]] & 0xff;
        }
        return new Tensor[] {images, batchLabels};
    }

    /**
     * All images, {@code [N, 1, 28, 28]}, scaled as the options said: a new float tensor made at each call, of
     * {@code 4 * 784 * N} bytes (188 MB for the 60000 training images). To look at a few images,
     * {@link #getBatch(int[])} or {@link #get(int)} convert only those.
     *
     * @return a new tensor of every image
     */
    public Tensor images() {
        float[] all = new float[pixels.length];
        Backend.current().lookupRows(pixels, PIXELS, IntStream.range(0, size()).toArray(), pixelValues, all, 0);
        return Tensor.wrap(all, size(), 1, SIDE, SIDE);
    }

    /**
     * All labels, {@code [N]} class indices in [0, classes().size()) as floats: a new tensor made
     * at each call, of {@code 4 * N} bytes.
     *
     * @return a new tensor of every label
     */
    public Tensor labels() {
        float[] all = new float[labels.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = labels[i] & 0xff;
        }
        return Tensor.wrap(all, all.length);
    }

    /**
     * Whether this is the training split (else the test split), as torchvision's {@code train}.
     *
     * @return true for the training split
     */
    public boolean isTrain() {
        return train;
    }

    /**
     * The class names, indexed by label, as torchvision's {@code classes}.
     *
     * @return an unmodifiable list
     */
    public List<String> classes() {
        return classes;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(split=" + (train ? "train" : "test") + ", size=" + size() + ")";
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException(
                    getClass().getSimpleName() + ": index " + index + " out of range for a dataset of size " + size());
        }
    }

    private static Samples load(Spec spec, DatasetOptions options) {
        DatasetFiles files = new DatasetFiles(
                spec.owner(),
                spec.name(),
                options,
                spec.systemDir(),
                spec.defaultMirror(),
                spec.sha256(),
                spec.installHint());
        String split = options.train() ? "train" : "t10k";
        try {
            Path imagesFile = files.locate(split + "-images-idx3-ubyte");
            Path labelsFile = files.locate(split + "-labels-idx1-ubyte");
            // Each file's shape is checked from its header, before its data is read.
            IdxReader.UnsignedBytes images = IdxReader.readUnsignedBytes(imagesFile, s -> {
                if (s.length != 3 || s[1] != SIDE || s[2] != SIDE) {
                    throw new IOException(spec.owner() + ": " + imagesFile + " holds data of shape "
                            + Arrays.toString(s) + ", expected images [N, 28, 28]");
                }
            });
            int n = images.shape()[0];
            // Labels of any IDX type are accepted and checked to be class indices; read as floats,
            // they cost 4 bytes each only until they are stored as bytes below.
            Tensor labels = IdxReader.read(labelsFile, s -> {
                if (s.length != 1 || s[0] != n) {
                    throw new IOException(spec.owner() + ": " + labelsFile + " holds data of shape "
                            + Arrays.toString(s) + ", expected one label per image: [" + n + "]");
                }
            });
            return new Samples(images.data(), classIndices(spec, labelsFile, labels));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The labels as bytes, after checking that each is a class index (both datasets have 10 classes). */
    private static byte[] classIndices(Spec spec, Path file, Tensor labels) throws IOException {
        float[] v = labels.toArray();
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || v[i] < 0 || v[i] >= spec.classes().size()) {
                throw new IOException(spec.owner() + ": " + file + " has label " + v[i] + " at position " + i
                        + ", expected a class index in [0, " + spec.classes().size() + ")");
            }
            out[i] = (byte) v[i];
        }
        return out;
    }
}
