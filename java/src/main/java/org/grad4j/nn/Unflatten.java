package org.grad4j.nn;

import java.util.Arrays;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * Splits one dim into several, like {@code torch.nn.Unflatten}; the inverse of {@link Flatten}.
 * One size may be −1 and is then inferred.
 *
 * <p>Shape: input [*, S, *] with S at {@code dim}; output [*, sizes..., *] where the sizes
 * multiply to S. See https://pytorch.org/docs/stable/generated/torch.nn.Unflatten.html
 *
 * <pre>{@code
 * new Unflatten(1, 2, 5).forward(Tensor.zeros(3, 10)).shape();   // [3, 2, 5]
 * }</pre>
 */
public class Unflatten extends Module {
    private final int dim;
    private final int[] sizes;

    /**
     * Splits {@code dim} into {@code sizes}, as {@code torch.nn.Unflatten(dim, unflattened_size)}.
     *
     * @param dim the dim to split; negative counts from the end
     * @param sizes the new sizes, each &ge; 0 except at most one -1, which is inferred
     * @throws IllegalArgumentException if {@code sizes} is empty, has a negative size other than -1, or
     *     more than one -1
     */
    public Unflatten(int dim, int... sizes) {
        if (sizes == null || sizes.length == 0) {
            throw new IllegalArgumentException("Unflatten: sizes must not be empty");
        }
        long inferred = Arrays.stream(sizes).filter(s -> s == -1).count();
        if (inferred > 1 || Arrays.stream(sizes).anyMatch(s -> s != -1 && s < 0)) {
            throw new IllegalArgumentException(
                    "Unflatten: sizes must be >= 0 with at most one -1, got " + Repr.tuple(sizes));
        }
        this.dim = dim;
        this.sizes = sizes.clone();
    }

    /**
     * Splits the layer's dim.
     *
     * @param input [*, S, *] with S at the layer's dim
     * @return [*, sizes..., *], a view when the layout allows
     * @throws IllegalArgumentException if the dim is out of range or the sizes do not multiply to S
     */
    @Override
    public Tensor forward(Tensor input) {
        int[] shape = input.shape();
        int d = Shapes.dim("Unflatten", dim, shape.length);
        long product = 1;
        int free = -1;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == -1) {
                free = i;
            } else {
                product *= sizes[i];
            }
        }
        int[] resolved = sizes.clone();
        boolean fits = free < 0 ? product == shape[d] : product > 0 && shape[d] % product == 0;
        if (!fits) {
            throw new IllegalArgumentException("Unflatten: sizes " + Repr.tuple(sizes) + " do not match size "
                    + shape[d] + " of dim " + dim + " of input " + Shapes.str(shape));
        }
        if (free >= 0) {
            resolved[free] = (int) (shape[d] / product);
        }
        int[] out = new int[shape.length - 1 + sizes.length];
        System.arraycopy(shape, 0, out, 0, d);
        System.arraycopy(resolved, 0, out, d, resolved.length);
        System.arraycopy(shape, d + 1, out, d + resolved.length, shape.length - d - 1);
        return input.reshape(out);
    }

    /**
     * The dim the layer works along.
     *
     * @return the dim as given, possibly negative
     */
    public int dim() {
        return dim;
    }

    /**
     * The sizes the dim is split into; -1 is inferred.
     *
     * @return a copy of the sizes
     */
    public int[] sizes() {
        return sizes.clone();
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim + ", unflattened_size=" + Repr.tuple(sizes);
    }
}
