package org.grad4j.nn.loss;

import org.grad4j.tensor.Tensor;

/** Absolute error |input − target|, like {@code nn.L1Loss}. */
public final class L1Loss extends Loss {
    public L1Loss() {
        this(Reduction.MEAN);
    }

    public L1Loss(Reduction reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        requireSameShape(input, target);
        return reduction.apply(input.sub(target).abs());
    }
}
