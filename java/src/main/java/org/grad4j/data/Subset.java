package org.grad4j.data;

import org.grad4j.tensor.Tensor;

/**
 * The samples of another dataset at a list of indices, like {@code torch.utils.data.Subset}:
 * sample {@code i} of the subset is sample {@code indices[i]} of the dataset.
 *
 * <pre>{@code
 * Subset firstTen = new Subset(ds, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
 * }</pre>
 */
public final class Subset implements Dataset {
    private final Dataset dataset;
    private final int[] indices;

    /**
     * The samples of {@code dataset} at {@code indices}, as {@code torch.utils.data.Subset(dataset, indices)}.
     *
     * @param dataset the underlying dataset, not null
     * @param indices positions in {@code dataset}, each in [0, dataset.size()); repeats are allowed
     * @throws IllegalArgumentException if {@code dataset} is null, its size is negative, or an index is
     *     out of range
     */
    public Subset(Dataset dataset, int[] indices) {
        if (dataset == null) {
            throw new IllegalArgumentException("Subset: dataset must not be null");
        }
        int n = Datasets.size("Subset", dataset);
        for (int i : indices) {
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException("Subset: index " + i + " out of range for a dataset of size " + n);
            }
        }
        this.dataset = dataset;
        this.indices = indices.clone();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public Tensor[] get(int index) {
        return dataset.get(indices[check(index)]);
    }

    /** Maps the positions and lets the underlying dataset gather them (keeping its fast path). */
    @Override
    public Tensor[] getBatch(int[] positions) {
        int[] mapped = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            mapped[k] = indices[check(positions[k])];
        }
        return dataset.getBatch(mapped);
    }

    /**
     * The underlying dataset.
     *
     * @return the dataset the subset reads from
     */
    public Dataset dataset() {
        return dataset;
    }

    /**
     * The positions in the underlying dataset.
     *
     * @return a copy of the indices
     */
    public int[] indices() {
        return indices.clone();
    }

    private int check(int index) {
        if (index < 0 || index >= indices.length) {
            throw new IllegalArgumentException(
                    "Subset: index " + index + " out of range for a subset of size " + indices.length);
        }
        return index;
    }
}
