package org.grad4j.data;

import java.util.Arrays;
import org.grad4j.tensor.Generator;

/**
 * Iterates over a dataset in batches, like {@code torch.utils.data.DataLoader}: samples are
 * taken in order or shuffled, stacked per field into a {@link Batch}, and the next batches are
 * prepared on a background daemon thread while the current one is used.
 *
 * <p>Each {@link #iterator()} is one epoch. With {@code shuffle}, each epoch draws a new
 * permutation from the generator, so a generator with the same seed gives the same sequence of
 * epochs. {@code dropLast} drops a last batch smaller than {@code batchSize}. {@code prefetch}
 * is how many batches the background thread may prepare ahead (0 loads them in the caller's
 * thread). An exception thrown while loading is rethrown by the iterator in the caller's thread.
 *
 * <p>Shape: with a dataset whose samples have fields of shapes {@code [*a], [*b]}, batches have
 * {@code [B, *a], [B, *b]}, where {@code B = batchSize} except possibly for the last batch.
 *
 * <pre>{@code
 * DataLoader loader = new DataLoader(train, 64, true, new Generator(0));
 * for (int epoch = 0; epoch < 10; epoch++) {
 *     for (Batch b : loader) {           // b.input() [64, 1, 28, 28], b.target() [64]
 *         try (b) {                      // its buffers then serve a later batch
 *             ...
 *         }
 *     }
 * }
 * }</pre>
 *
 * @see <a href="https://pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader">torch.utils.data.DataLoader</a>
 */
public final class DataLoader implements Iterable<Batch> {
    /** Batches prepared ahead by default (PyTorch's {@code prefetch_factor}). */
    public static final int DEFAULT_PREFETCH = 2;

    private final Dataset dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final Generator generator;
    private final boolean dropLast;
    private final int prefetch;

    /**
     * Batches in dataset order, the last one possibly smaller, as
     * {@code torch.utils.data.DataLoader(dataset, batch_size)}.
     *
     * @param dataset the samples
     * @param batchSize samples per batch, &ge; 1
     * @throws IllegalArgumentException if {@code dataset} is null or of negative size, or
     *     {@code batchSize} is less than 1
     */
    public DataLoader(Dataset dataset, int batchSize) {
        this(dataset, batchSize, false, null);
    }

    /**
     * Batches in dataset or shuffled order, the last one possibly smaller, prefetched two ahead, as
     * {@code torch.utils.data.DataLoader(dataset, batch_size, shuffle, generator=)}.
     *
     * @param dataset the samples
     * @param batchSize samples per batch, &ge; 1
     * @param shuffle whether each epoch visits the samples in a new random order
     * @param generator the source of the shuffling order; {@code null} uses
     *     {@link Generator#defaultGenerator()}
     * @throws IllegalArgumentException if {@code dataset} is null or of negative size, or
     *     {@code batchSize} is less than 1
     */
    public DataLoader(Dataset dataset, int batchSize, boolean shuffle, Generator generator) {
        this(dataset, batchSize, shuffle, generator, false, DEFAULT_PREFETCH);
    }

    /**
     * A loader with every option, as {@code torch.utils.data.DataLoader(dataset, batch_size, shuffle,
     * generator=, drop_last=, prefetch_factor=)}.
     *
     * @param dataset the samples
     * @param batchSize samples per batch, &ge; 1
     * @param shuffle whether each epoch visits the samples in a new random order (default false)
     * @param generator the source of the shuffling order; {@code null} uses
     *     {@link Generator#defaultGenerator()}
     * @param dropLast whether to drop a last batch smaller than {@code batchSize} (default false)
     * @param prefetch batches prepared ahead on a background thread, &ge; 0 (default 2; 0 loads
     *     each batch in the caller's thread)
     * @throws IllegalArgumentException if {@code dataset} is null or of negative size, {@code batchSize}
     *     is less than 1 or {@code prefetch} is negative
     */
    public DataLoader(
            Dataset dataset, int batchSize, boolean shuffle, Generator generator, boolean dropLast, int prefetch) {
        if (dataset == null) {
            throw new IllegalArgumentException("DataLoader: dataset must not be null");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("DataLoader: batchSize must be >= 1, got " + batchSize);
        }
        if (prefetch < 0) {
            throw new IllegalArgumentException("DataLoader: prefetch must be >= 0, got " + prefetch);
        }
        Datasets.size("DataLoader", dataset);
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.generator = generator;
        this.dropLast = dropLast;
        this.prefetch = prefetch;
    }

    /**
     * The number of batches in one epoch ({@code len(loader)}).
     *
     * @return the count, with the last batch dropped when dropLast says so
     * @throws IllegalArgumentException if the dataset's size has become negative
     */
    public int numBatches() {
        int n = Datasets.size("DataLoader", dataset);
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /**
     * The dataset the batches come from, as {@code loader.dataset}.
     *
     * @return the dataset
     */
    public Dataset dataset() {
        return dataset;
    }

    /**
     * The number of samples per batch, as {@code loader.batch_size}.
     *
     * @return batchSize
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Starts an epoch: fixes its sample order now and, with prefetch, starts the background
     * thread. Close the iterator to stop that thread early; an iterator dropped without closing
     * is closed when it is garbage-collected.
     *
     * @return the epoch's batches
     * @throws IllegalArgumentException if the dataset's size has become negative
     */
    @Override
    public BatchIterator iterator() {
        int n = Datasets.size("DataLoader", dataset);
        int[] order;
        if (shuffle) {
            order = Datasets.randperm(n, generator != null ? generator : Generator.defaultGenerator());
        } else {
            order = new int[n];
            Arrays.setAll(order, i -> i);
        }
        return new BatchIterator(dataset, order, batchSize, numBatches(), prefetch);
    }

    @Override
    public String toString() {
        return "DataLoader(size=" + dataset.size() + ", batchSize=" + batchSize + ", shuffle=" + shuffle + ", dropLast="
                + dropLast + ", prefetch=" + prefetch + ")";
    }
}
