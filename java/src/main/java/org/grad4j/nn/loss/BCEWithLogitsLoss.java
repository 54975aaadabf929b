package org.grad4j.nn.loss;

import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * Binary cross-entropy on logits, like {@code nn.BCEWithLogitsLoss}: for logit x and target y
 * in [0, 1], (1 − y)·x + (1 + (posWeight − 1)·y)·softplus(−x), which stays finite for any x.
 * Optional {@code weight} scales each element and {@code posWeight} the positive term (both
 * broadcast against the input; null for none).
 */
public final class BCEWithLogitsLoss extends Loss {
    private final Tensor weight;
    private final Tensor posWeight;

    /** The mean loss without weights, as {@code torch.nn.BCEWithLogitsLoss()}. */
    public BCEWithLogitsLoss() {
        this(Reduction.MEAN, null, null);
    }

    /**
     * A loss with every option, as {@code torch.nn.BCEWithLogitsLoss(weight, reduction=, pos_weight=)}.
     *
     * @param reduction mean, sum or none
     * @param weight the factor on each element's loss, broadcast against the input, or null
     * @param posWeight the factor on the positive term, broadcast against the input, or null
     * @throws IllegalArgumentException if {@code reduction} is null
     */
    public BCEWithLogitsLoss(Reduction reduction, Tensor weight, Tensor posWeight) {
        super(reduction);
        this.weight = weight;
        this.posWeight = posWeight;
    }

    /**
     * Computes the binary cross-entropy of the logits.
     *
     * @param input logits, any shape
     * @param target probabilities in [0, 1], of the input's shape
     * @return the reduced loss, or the per-element losses for none
     * @throws IllegalArgumentException if the target's shape differs from the input's, or a weight does
     *     not broadcast to it
     */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        requireSameShape(input, target);
        requireBroadcastable("weight", weight, input);
        requireBroadcastable("posWeight", posWeight, input);
        Tensor logWeight =
                posWeight == null ? null : posWeight.sub(1f).mul(target).add(1f);
        Tensor softplus = input.neg().softplus();
        Tensor loss = Tensor.ones(target.shape())
                .sub(target)
                .mul(input)
                .add(logWeight == null ? softplus : softplus.mul(logWeight));
        return reduction.apply(weight == null ? loss : loss.mul(weight));
    }

    private static void requireBroadcastable(String name, Tensor t, Tensor input) {
        if (t != null && !Shapes.broadcastsTo(t.shape(), input.shape())) {
            throw new IllegalArgumentException("BCEWithLogitsLoss: " + name + " " + Shapes.str(t.shape())
                    + " does not broadcast to the input " + Shapes.str(input.shape()));
        }
    }
}
