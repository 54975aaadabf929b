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

    public BCEWithLogitsLoss() {
        this(Reduction.MEAN, null, null);
    }

    public BCEWithLogitsLoss(Reduction reduction, Tensor weight, Tensor posWeight) {
        super(reduction);
        this.weight = weight;
        this.posWeight = posWeight;
    }

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
