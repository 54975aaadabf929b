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
    /** How the per-element losses are combined. */
    protected final Reduction reduction;

    /**
     * A loss that combines its per-element values as {@code reduction} says.
     *
     * @param reduction mean, sum or none
     * @throws IllegalArgumentException if {@code reduction} is null
     */
    protected Loss(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": reduction is null");
        }
        this.reduction = reduction;
    }

    /**
     * Computes the loss, as a PyTorch loss module's {@code forward(input, target)}.
     *
     * @param input the prediction
     * @param target the expected values
     * @return a 0-d tensor for mean and sum, the per-element losses for none
     * @throws IllegalArgumentException if the shapes do not fit the loss
     */
    public abstract Tensor forward(Tensor input, Tensor target);

    /**
     * Losses take two arguments; this one-argument form always throws.
     *
     * @param input ignored
     * @return never
     * @throws UnsupportedOperationException always; call {@link #forward(Tensor, Tensor)}
     */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " takes (input, target)");
    }

    /**
     * How the per-element losses are combined, as PyTorch's {@code reduction} attribute.
     *
     * @return the reduction
     */
    public Reduction reduction() {
        return reduction;
    }

    /**
     * Element-wise losses need input and target of one shape.
     *
     * @param input the prediction
     * @param target the expected values
     * @throws IllegalArgumentException if the shapes differ
     */
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
