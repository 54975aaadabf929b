package org.grad4j.nn.loss;

import java.util.Arrays;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.nn.Module;
import org.grad4j.tensor.Tensor;

/**
 * A loss: a module of two arguments, {@code forward(input, target)}, with a {@link Reduction}
 * (mean by default), like PyTorch's loss modules.
 */
public abstract class Loss extends Module {
    protected final Reduction reduction;

    protected Loss(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": reduction is null");
        }
        this.reduction = reduction;
    }

    public abstract Tensor forward(Tensor input, Tensor target);

    /** Losses take two arguments; this one-argument form always throws. */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " takes (input, target)");
    }

    public Reduction reduction() {
        return reduction;
    }

    /** Element-wise losses need input and target of one shape. */
    protected void requireSameShape(Tensor input, Tensor target) {
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": input " + Shapes.str(input.shape())
                    + " and target " + Shapes.str(target.shape()) + " must have the same shape");
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "("
                + (reduction == Reduction.MEAN
                        ? ""
                        : "reduction=" + reduction.name().toLowerCase(java.util.Locale.ROOT))
                + ")";
    }
}
