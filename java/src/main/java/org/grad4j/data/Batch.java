package org.grad4j.data;

import java.util.Arrays;
import org.grad4j.tensor.Tensor;

/**
 * One batch from a {@link DataLoader}: the samples' fields stacked along a new first dim, in the
 * dataset's field order (for MNIST: {@code input()} images, {@code target()} labels).
 *
 * <p>Shape: every field is {@code [B, *]} where {@code B = size()} is the number of samples.
 *
 * <p>Closing a batch once it is used gives its buffers back to the loader, which fills them with
 * a later batch instead of taking fresh memory for each one. A batch that is not closed is left to
 * the garbage collector.
 *
 * <pre>{@code
 * for (Batch b : loader) {
 *     try (b) {
 *         Tensor loss = model.forward(b.input()).crossEntropy(b.target());
 *     }
 * }
 * }</pre>
 */
public final class Batch implements AutoCloseable {
    private final Tensor[] fields;
    private final boolean owned;

    /**
     * A batch of the given fields, as the tuple {@code default_collate} returns in PyTorch.
     *
     * @param fields at least one tensor, each of rank &ge; 1, all with the same size of dim 0
     * @throws IllegalArgumentException if no field is given, a field is 0-d or the first dims differ
     */
    public Batch(Tensor... fields) {
        this(true, fields);
    }

    /** A loader's batch, whose tensors {@link #close()} releases only if {@code owned}. */
    Batch(boolean owned, Tensor... fields) {
        if (fields.length == 0) {
            throw new IllegalArgumentException("Batch: expects at least one field");
        }
        for (Tensor t : fields) {
            if (t.dim() == 0 || t.size(0) != fields[0].size(0)) {
                throw new IllegalArgumentException(
                        "Batch: fields must have rank >= 1 and the same size of dim 0, got " + shapes(fields));
            }
        }
        this.fields = fields.clone();
        this.owned = owned;
    }

    /**
     * Field {@code i}, as {@code batch[i]}.
     *
     * @param i the field's position, from 0
     * @return the field, shape {@code [B, *]}
     * @throws IllegalArgumentException if {@code i} is out of range
     */
    public Tensor get(int i) {
        if (i < 0 || i >= fields.length) {
            throw new IllegalArgumentException("Batch: field " + i + " out of range for a batch of " + fields.length
                    + " fields " + shapes(fields));
        }
        return fields[i];
    }

    /**
     * Field 0, by convention the model input.
     *
     * @return the first field, shape {@code [B, *]}
     */
    public Tensor input() {
        return fields[0];
    }

    /**
     * Field 1, by convention the target (e.g. class indices).
     *
     * @return the second field, shape {@code [B, *]}
     * @throws IllegalArgumentException if the batch has only one field
     */
    public Tensor target() {
        if (fields.length < 2) {
            throw new IllegalArgumentException(
                    "Batch: target() is field 1, but this batch has only one field " + shapes(fields));
        }
        return fields[1];
    }

    /**
     * The number of samples B (dim 0 of every field).
     *
     * @return B
     */
    public int size() {
        return fields[0].size(0);
    }

    /**
     * The number of fields.
     *
     * @return the count, at least 1
     */
    public int numFields() {
        return fields.length;
    }

    /**
     * Releases the batch's tensors ({@link Tensor#close()}), so that their buffers serve the
     * loader's next batches; afterwards they, and views of them, fail when used. A batch of a
     * dataset whose own {@code getBatch} may return views of its data is left as it is. Safe to
     * call more than once.
     */
    @Override
    public void close() {
        if (owned) {
            for (Tensor t : fields) {
                t.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Batch(size=" + size() + ", fields=" + shapes(fields) + ")";
    }

    private static String shapes(Tensor[] ts) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < ts.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(Arrays.toString(ts[i].shape()));
        }
        return sb.append(']').toString();
    }
}
