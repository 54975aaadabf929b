package org.grad4j.nn.loss;

import org.grad4j.tensor.Tensor;

/** Squared error (input − target)², like {@code nn.MSELoss}. */
public final class MSELoss extends Loss {
    /** The mean squared error, as {@code torch.nn.MSELoss()}. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    /**
     * The squared error with the given reduction, as {@code torch.nn.MSELoss(reduction=)}.
     *
     * @param reduction mean, sum or none
     * @throws IllegalArgumentException if {@code reduction} is null
     */
    public MSELoss(Reduction reduction) {
        super(reduction);
    }

    /**
     * Computes the squared error of each element and reduces it.
     *
     * @param input the prediction
     * @param target the expected values, of the input's shape
     * @return the reduced loss, or the per-element losses for none
     * @throws IllegalArgumentException if the shapes differ
     */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        requireSameShape(input, target);
        return reduction.apply(input.sub(target).square());
    }
}
