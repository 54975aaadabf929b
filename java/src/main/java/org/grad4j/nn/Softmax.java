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

    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.softmax(dim);
    }

    /** The dim the layer works along. */
    public int dim() {
        return dim;
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
