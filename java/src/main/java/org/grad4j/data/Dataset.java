package org.grad4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.grad4j.tensor.Tensor;

/**
 * A collection of samples indexed from 0, each a tuple of tensors with one tensor per field
 * (e.g. {@code {image, label}}), like {@code torch.utils.data.Dataset}.
 *
 * <p>Implementations give {@link #size()} and {@link #get(int)}; {@link #getBatch(int[])} has a
 * default that stacks samples field by field, and datasets that hold whole tensors override it
 * with one gather per field (as {@link TensorDataset} does), or build the batch straight from
 * their own storage (as {@link MnistDataset} does from bytes).
 *
 * <pre>{@code
 * Dataset ds = new TensorDataset(x, y);     // x [100, 3], y [100]
 * Tensor[] sample = ds.get(0);              // {x[0] of shape [3], y[0] of shape []}
 * }</pre>
 */
public interface Dataset {

    /**
     * The number of samples ({@code len(dataset)}).
     *
     * @return the count, &ge; 0 (grad4j's loaders and splits refuse a dataset whose size is negative)
     */
    int size();

    /**
     * The sample at {@code index}, as {@code dataset[index]}.
     *
     * @param index the position, in [0, size())
     * @return one tensor per field
     * @throws IllegalArgumentException if {@code index} is out of range (in grad4j's datasets)
     */
    Tensor[] get(int index);

    /**
     * The samples at {@code indices}, stacked per field along a new first dim (PyTorch's
     * {@code __getitems__} followed by {@code default_collate}).
     *
     * <p>Shape: field {@code f} of the result is {@code [indices.length, *shape of field f]}.
     *
     * @param indices the positions, each in [0, size()); repeats are allowed
     * @return one tensor per field
     * @throws IllegalArgumentException if {@code indices} is empty, or samples differ in their
     *     number of fields or in the shape of a field
     */
    default Tensor[] getBatch(int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("Dataset.getBatch: expects at least one index");
        }
        Tensor[] first = get(indices[0]);
        List<List<Tensor>> fields = new ArrayList<>();
        for (Tensor t : first) {
            fields.add(new ArrayList<>(List.of(t)));
        }
        for (int k = 1; k < indices.length; k++) {
            Tensor[] sample = get(indices[k]);
            if (sample.length != first.length) {
                throw new IllegalArgumentException("Dataset.getBatch: sample " + indices[k] + " has " + sample.length
                        + " fields but sample " + indices[0] + " has " + first.length);
            }
            for (int f = 0; f < sample.length; f++) {
                if (!Arrays.equals(sample[f].shape(), first[f].shape())) {
                    throw new IllegalArgumentException("Dataset.getBatch: field " + f + " of sample " + indices[k]
                            + " has shape " + Arrays.toString(sample[f].shape()) + " but sample " + indices[0]
                            + " has " + Arrays.toString(first[f].shape()) + "; samples must match to be stacked");
                }
                fields.get(f).add(sample[f]);
            }
        }
        Tensor[] out = new Tensor[first.length];
        for (int f = 0; f < out.length; f++) {
            out[f] = Tensor.stack(fields.get(f), 0);
        }
        return out;
    }
}
