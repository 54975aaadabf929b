package org.grad4j.nn.loss;

import org.grad4j.tensor.Tensor;

/** Squared error (input − target)², like {@code nn.MSELoss}. */
public final class MSELoss extends Loss {
    public MSELoss() {
        this(Reduction.MEAN);
    }

    public MSELoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        requireSameShape(input, target);
        return reduction.apply(input.sub(target).square());
    }
}
