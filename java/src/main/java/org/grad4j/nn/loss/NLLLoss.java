package org.grad4j.nn.loss;

import org.grad4j.tensor.Tensor;

/**
 * Negative log-likelihood of log-probabilities [N, C] (or [C], or [N, C, d1, ...]) at class
 * indices, like {@code nn.NLLLoss}: −w[t]·input[t] per sample, with optional class weights;
 * samples whose target is {@code ignoreIndex} count for nothing. The mean divides by the summed
 * weights of the counted samples.
 */
public class NLLLoss extends Loss {
    protected final Tensor weight;
    protected final int ignoreIndex;

    public NLLLoss() {
        this(Reduction.MEAN, null, -100);
    }

    public NLLLoss(Reduction reduction, Tensor weight, int ignoreIndex) {
        super(reduction);
        if (weight != null && weight.dim() != 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": weight must be 1-D [C], got "
                    + java.util.Arrays.toString(weight.shape()));
        }
        this.weight = weight;
        this.ignoreIndex = ignoreIndex;
    }

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
