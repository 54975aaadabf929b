package org.grad4j.data;

import java.util.Arrays;
import org.grad4j.tensor.Tensor;

/**
 * A dataset over tensors that share their first dim: sample {@code i} is the {@code i}-th slice
 * of each, like {@code torch.utils.data.TensorDataset}.
 *
 * <p>Shape: each tensor is {@code [N, *]}; {@link #get(int)} returns views of shape {@code [*]}
 * (a 1-D tensor gives 0-d samples), and {@link #getBatch(int[])} gathers {@code [B, *]} copies
 * with one {@code indexSelect} per tensor.
 *
 * <pre>{@code
 * TensorDataset ds = new TensorDataset(Tensor.randn(100, 3), Tensor.zeros(100));
 * ds.size();        // 100
 * ds.get(7)[0];     // row 7 of the first tensor, shape [3]
 * }</pre>
 */
public class TensorDataset implements Dataset {
    /** indexSelect takes float indices, exact only up to 2^24; larger datasets stack samples one by one. */
    private static final int MAX_EXACT_FLOAT_INDEX = 1 << 24;

    private final Tensor[] tensors;

    /**
     * A dataset whose field {@code f} is {@code tensors[f]}, as {@code torch.utils.data.TensorDataset(*tensors)}.
     *
     * @param tensors at least one tensor, each of rank &ge; 1, all with the same size of dim 0
     * @throws IllegalArgumentException naming the shapes if the first dims differ, a tensor is 0-d or
     *     none is given
     */
    public TensorDataset(Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("TensorDataset: expects at least one tensor");
        }
        for (Tensor t : tensors) {
            if (t.dim() == 0 || t.size(0) != tensors[0].size(0)) {
                StringBuilder shapes = new StringBuilder();
                for (Tensor u : tensors) {
                    shapes.append(shapes.length() == 0 ? "" : ", ").append(Arrays.toString(u.shape()));
                }
                throw new IllegalArgumentException(
                        "TensorDataset: tensors must have rank >= 1 and the same size of " + "dim 0, got " + shapes);
            }
        }
        this.tensors = tensors.clone();
    }

    @Override
    public int size() {
        return tensors[0].size(0);
    }

    /** Views of row {@code index} of every tensor. */
    @Override
    public Tensor[] get(int index) {
        checkIndex(index);
        Tensor[] out = new Tensor[tensors.length];
        for (int f = 0; f < tensors.length; f++) {
            out[f] = tensors[f].select(0, index);
        }
        return out;
    }

    @Override
    public Tensor[] getBatch(int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("TensorDataset.getBatch: expects at least one index");
        }
        if (size() > MAX_EXACT_FLOAT_INDEX) {
            return Dataset.super.getBatch(indices);
        }
        float[] positions = new float[indices.length];
        for (int k = 0; k < indices.length; k++) {
            checkIndex(indices[k]);
            positions[k] = indices[k];
        }
        Tensor index = Tensor.wrap(positions, positions.length);
        Tensor[] out = new Tensor[tensors.length];
        for (int f = 0; f < tensors.length; f++) {
            out[f] = tensors[f].indexSelect(0, index);
        }
        return out;
    }

    /**
     * The number of fields (tensors).
     *
     * @return the count
     */
    public int numFields() {
        return tensors.length;
    }

    /**
     * The whole tensor of field {@code field}, as {@code dataset.tensors[field]}.
     *
     * @param field the field's position, from 0
     * @return the tensor, shape {@code [N, *]} (not a copy)
     * @throws IllegalArgumentException if {@code field} is out of range
     */
    public Tensor tensor(int field) {
        if (field < 0 || field >= tensors.length) {
            throw new IllegalArgumentException(
                    "TensorDataset: field " + field + " out of range for " + tensors.length + " tensors");
        }
        return tensors[field];
    }

    /**
     * All tensors, in field order, as {@code dataset.tensors}.
     *
     * @return a copy of the array; the tensors are not copied
     */
    public Tensor[] tensors() {
        return tensors.clone();
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException(
                    getClass().getSimpleName() + ": index " + index + " out of range for a dataset of size " + size());
        }
    }
}
