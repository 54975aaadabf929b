package org.grad4j.nn.loss;

import org.grad4j.tensor.Tensor;

/**
 * Negative log-likelihood of log-probabilities [N, C] (or [C], or [N, C, d1, ...]) at class
 * indices, like {@code nn.NLLLoss}: −w[t]·input[t] per sample, with optional class weights;
 * samples whose target is {@code ignoreIndex} count for nothing. The mean divides by the summed
 * weights of the counted samples.
 */
public class NLLLoss extends Loss {
    /** The weight of each class [C], or null for equal weights. */
    protected final Tensor weight;
    /** The class-index target that counts for nothing. */
    protected final int ignoreIndex;

    /** The mean loss without class weights, ignoring target −100, as {@code torch.nn.NLLLoss()}. */
    public NLLLoss() {
        this(Reduction.MEAN, null, -100);
    }

    /**
     * A loss with every option, as {@code torch.nn.NLLLoss(weight, ignore_index=, reduction=)}.
     *
     * @param reduction mean, sum or none
     * @param weight the weight of each class [C], or null for equal weights
     * @param ignoreIndex the class-index target that counts for nothing
     * @throws IllegalArgumentException if {@code reduction} is null or {@code weight} is not 1-D
     */
    public NLLLoss(Reduction reduction, Tensor weight, int ignoreIndex) {
        super(reduction);
        if (weight != null && weight.dim() != 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": weight must be 1-D [C], got "
                    + java.util.Arrays.toString(weight.shape()));
        }
        this.weight = weight;
        this.ignoreIndex = ignoreIndex;
    }

    /**
     * Computes the negative log-likelihood at the target classes.
     *
     * @param input log-probabilities [N, C], [C] or [N, C, d1, ...]
     * @param target class indices [N], [] or [N, d1, ...], whole numbers in [0, C) or ignoreIndex
     * @return the reduced loss, or the per-sample losses in the target's shape for none
     * @throws IllegalArgumentException if the shapes do not fit, a class index is out of range or the
     *     weight does not have C entries
     */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        Tensor targets =
                ClassTargets.indices(name(), input, target, ignoreIndex).flat();
        return nll(input, ClassTargets.rows(name(), input), targets);
    }

    /** The NLL of log-probability rows [R, C] at indices [R], reduced, in the target's shape for NONE. */
    Tensor nll(Tensor input, Tensor logProbs, Tensor targets) {
        int classes = logProbs.size(1);
        if (weight != null && weight.size(0) != classes) {
            throw new IllegalArgumentException(
                    name() + ": weight has " + weight.size(0) + " entries for " + classes + " classes");
        }
        Tensor kept = targets.ne(ignoreIndex);
        Tensor safe = Tensor.where(kept, targets, Tensor.zeros(1));
        Tensor picked = logProbs.gather(1, safe.unsqueeze(1)).squeeze(1).neg();
        Tensor w = weight == null ? kept : weight.indexSelect(0, safe).mul(kept);
        Tensor losses = picked.mul(w);
        return switch (reduction) {
            case NONE -> ClassTargets.unrows(losses, input);
            case SUM -> losses.sum();
            case MEAN -> losses.sum().div(w.sum());
        };
    }

    String name() {
        return getClass().getSimpleName();
    }
}
