package org.grad4j.nn;

import org.grad4j.tensor.Tensor;

/**
 * exp(x) / Σ exp(x) along {@code dim}, computed stably (from x − max x), like {@code torch.nn.Softmax}.
 *
 * <p>Shape: any with at least one dim; output as input. dim may be negative (counted from the
 * end). See https://pytorch.org/docs/stable/generated/torch.nn.Softmax.html
 *
 * <pre>{@code
 * new Softmax(1).forward(Tensor.of(new float[] {0, 1}, 1, 2));   // [[0.2689, 0.7311]]
 * }</pre>
 */
public class Softmax extends Module {
    private final int dim;

    /**
     * A softmax along one dim, as {@code torch.nn.Softmax(dim)}.
     *
     * @param dim the dim to normalize over; negative counts from the end
     */
    public Softmax(int dim) {
        this.dim = dim;
    }

    /**
     * Applies the softmax along the layer's dim.
     *
     * @param input at least one dim
     * @return the result, in the input's shape
     * @throws IllegalArgumentException if the dim is out of range for the input
     */
    @Override
    public Tensor forward(Tensor input) {
        return input.softmax(dim);
    }

    /**
     * The dim the layer works along.
     *
     * @return the dim as given, possibly negative
     */
    public int dim() {
        return dim;
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
