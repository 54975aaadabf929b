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

    /** Flattens every dim after the first, as {@code torch.nn.Flatten()}. */
    public Flatten() {
        this(1, -1);
    }

    /**
     * Flattens dims startDim..endDim, as {@code torch.nn.Flatten(start_dim, end_dim)}.
     *
     * @param startDim the first dim merged; negative counts from the end
     * @param endDim the last dim merged (inclusive); negative counts from the end
     */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    /**
     * Merges the layer's dims into one.
     *
     * @param input a tensor with both dims in range
     * @return the flattened tensor, a view when the layout allows
     * @throws IllegalArgumentException if a dim is out of range or startDim comes after endDim
     */
    @Override
    public Tensor forward(Tensor input) {
        return input.flatten(startDim, endDim);
    }

    /**
     * The first dim merged.
     *
     * @return startDim as given, possibly negative
     */
    public int startDim() {
        return startDim;
    }

    /**
     * The last dim merged (inclusive).
     *
     * @return endDim as given, possibly negative
     */
    public int endDim() {
        return endDim;
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
