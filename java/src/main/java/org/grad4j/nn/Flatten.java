package org.grad4j.nn;

import org.grad4j.tensor.Tensor;

/**
 * Merges dims startDim..endDim (inclusive, negative counting from the end) into one, like
 * {@code torch.nn.Flatten}; a view when the layout allows.
 *
 * <p>Shape: input [N, *dims]; with the defaults startDim 1, endDim −1 the output is
 * [N, ∏dims]. See https://pytorch.org/docs/stable/generated/torch.nn.Flatten.html
 *
 * <pre>{@code
 * new Flatten().forward(Tensor.zeros(32, 1, 5, 5)).shape();   // [32, 25]
 * }</pre>
 */
public class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    public Flatten() {
        this(1, -1);
    }

    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.flatten(startDim, endDim);
    }

    /** The first dim merged. */
    public int startDim() {
        return startDim;
    }

    /** The last dim merged (inclusive). */
    public int endDim() {
        return endDim;
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
