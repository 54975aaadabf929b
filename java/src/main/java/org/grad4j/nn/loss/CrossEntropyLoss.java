package org.grad4j.nn.loss;

import java.util.Arrays;
import org.grad4j.internal.ops.CrossEntropy;
import org.grad4j.tensor.Tensor;

/**
 * Cross-entropy of logits against class indices or class probabilities, like
 * {@code nn.CrossEntropyLoss}: input [N, C] (or [C], or [N, C, d1, ...]); target the class
 * indices [N] (or [], [N, d1, ...]) or probabilities of the input's shape. Options as PyTorch's:
 * class {@code weight}, {@code ignoreIndex} (default −100), {@code labelSmoothing} in [0, 1].
 * Computed from log-softmax (or, in the plain case, one fused op), so logits far apart stay finite.
 *
 * <pre>{@code
 * Tensor loss = new CrossEntropyLoss().forward(model.forward(x), labels);
 * }</pre>
 */
public final class CrossEntropyLoss extends NLLLoss {
    private final float labelSmoothing;

    /**
     * The mean loss without class weights or label smoothing, ignoring target −100, as
     * {@code torch.nn.CrossEntropyLoss()}.
     */
    public CrossEntropyLoss() {
        this(Reduction.MEAN, null, -100, 0);
    }

    /**
     * A loss with every option, as {@code torch.nn.CrossEntropyLoss(weight, ignore_index=, reduction=,
     * label_smoothing=)}.
     *
     * @param reduction mean, sum or none
     * @param weight the weight of each class [C], or null for equal weights
     * @param ignoreIndex the class-index target that counts for nothing
     * @param labelSmoothing the share of the target spread evenly over the classes, in [0, 1]
     * @throws IllegalArgumentException if {@code reduction} is null, {@code weight} is not 1-D or
     *     {@code labelSmoothing} is not in [0, 1]
     */
    public CrossEntropyLoss(Reduction reduction, Tensor weight, int ignoreIndex, double labelSmoothing) {
        super(reduction, weight, ignoreIndex);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException(
                    "CrossEntropyLoss: labelSmoothing must be in [0, 1], got " + labelSmoothing);
        }
        this.labelSmoothing = (float) labelSmoothing;
    }

    /**
     * Computes the cross-entropy of the logits.
     *
     * @param input logits [N, C], [C] or [N, C, d1, ...]
     * @param target class indices [N], [] or [N, d1, ...] (whole numbers in [0, C) or ignoreIndex), or
     *     class probabilities of the input's shape
     * @return the reduced loss, or the per-sample losses in the target's shape for none
     * @throws IllegalArgumentException if the shapes do not fit, a class index is out of range or the
     *     weight does not have C entries
     */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        Tensor rows = ClassTargets.rows(name(), input);
        if (input.dim() > 0 && Arrays.equals(input.shape(), target.shape())) {
            return probabilities(input, rows, ClassTargets.rows(name(), target));
        }
        ClassTargets.Indices indices = ClassTargets.indices(name(), input, target, ignoreIndex);
        Tensor targets = indices.flat();
        if (weight == null && labelSmoothing == 0 && !indices.anyIgnored() && reduction != Reduction.NONE) {
            return reduction.apply(new CrossEntropy().apply(rows, targets));
        }
        Tensor logProbs = rows.logSoftmax(1);
        Tensor nll = nll(input, logProbs, targets);
        if (labelSmoothing == 0) {
            return nll;
        }
        Tensor kept = targets.ne(ignoreIndex);
        Tensor smooth =
                (weight == null ? logProbs : logProbs.mul(weight)).sum(1).neg().mul(kept);
        Tensor reduced = switch (reduction) {
            case NONE -> ClassTargets.unrows(smooth, input);
            case SUM -> smooth.sum();
            case MEAN ->
                smooth.sum()
                        .div(
                                weight == null
                                        ? kept.sum()
                                        : weight.indexSelect(0, Tensor.where(kept, targets, Tensor.zeros(1)))
                                                .mul(kept)
                                                .sum());
        };
        return nll.mul(1 - labelSmoothing).add(reduced.mul(labelSmoothing / rows.size(1)));
    }

    /** Soft targets: −Σ_c w_c·t_c·log p_c per sample, the targets smoothed first; the mean is over samples. */
    private Tensor probabilities(Tensor input, Tensor logits, Tensor probs) {
        int classes = logits.size(1);
        if (weight != null && weight.size(0) != classes) {
            throw new IllegalArgumentException(
                    name() + ": weight has " + weight.size(0) + " entries for " + classes + " classes");
        }
        Tensor t = labelSmoothing == 0 ? probs : probs.mul(1 - labelSmoothing).add(labelSmoothing / classes);
        Tensor terms = logits.logSoftmax(1).mul(t);
        Tensor perSample = (weight == null ? terms : terms.mul(weight)).sum(1).neg();
        return reduction == Reduction.NONE ? ClassTargets.unrows(perSample, input) : reduction.apply(perSample);
    }

    @Override
    public String toString() {
        return "CrossEntropyLoss(" + (labelSmoothing == 0 ? "" : "labelSmoothing=" + labelSmoothing) + ")";
    }
}
