package org.grad4j.nn.loss;

import org.grad4j.tensor.Tensor;

/** Absolute error |input − target|, like {@code nn.L1Loss}. */
public final class L1Loss extends Loss {
    /** The mean absolute error, as {@code torch.nn.L1Loss()}. */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    /**
     * The absolute error with the given reduction, as {@code torch.nn.L1Loss(reduction=)}.
     *
     * @param reduction mean, sum or none
     * @throws IllegalArgumentException if {@code reduction} is null
     */
    public L1Loss(Reduction reduction) {
        super(reduction);
    }

    /**
     * Computes the absolute error of each element and reduces it.
     *
     * @param input the prediction
     * @param target the expected values, of the input's shape
     * @return the reduced loss, or the per-element losses for none
     * @throws IllegalArgumentException if the shapes differ
     */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        requireSameShape(input, target);
        return reduction.apply(input.sub(target).abs());
    }
}
