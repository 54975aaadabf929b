package org.grad4j.nn;

import org.grad4j.tensor.Tensor;

/**
 * (1/beta) · log(1 + exp(beta · x)) element-wise, and x itself where beta · x &gt; threshold (for
 * numerical stability), like {@code torch.nn.Softplus}.
 *
 * <p>Shape: any; output as input. Defaults: beta 1.0, threshold 20.0.
 * See https://pytorch.org/docs/stable/generated/torch.nn.Softplus.html
 *
 * <pre>{@code
 * new Softplus().forward(Tensor.zeros(1));   // [0.6931]
 * }</pre>
 */
public class Softplus extends Module {
    private final double beta;
    private final double threshold;

    /** Softplus with beta 1.0 and threshold 20.0, as {@code torch.nn.Softplus()}. */
    public Softplus() {
        this(1.0, 20.0);
    }

    /**
     * Softplus with the given sharpness and threshold, as {@code torch.nn.Softplus(beta, threshold)}.
     *
     * @param beta the sharpness, finite and &gt; 0
     * @param threshold the value of beta·x above which the output is x; not NaN
     * @throws IllegalArgumentException if {@code beta} is not finite and positive, or {@code threshold} is NaN
     */
    public Softplus(double beta, double threshold) {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("Softplus: beta must be finite and > 0, got " + beta);
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("Softplus: threshold must not be NaN");
        }
        this.beta = beta;
        this.threshold = threshold;
    }

    /**
     * Applies softplus element-wise.
     *
     * @param input any shape
     * @return the activations, in the input's shape
     */
    @Override
    public Tensor forward(Tensor input) {
        if (beta == 1 && threshold == 20) {
            return input.softplus(); // the fused op is exactly PyTorch's default
        }
        Tensor scaled = input.mul((float) beta);
        Tensor smooth = scaled.softplus().div((float) beta);
        return Tensor.where(scaled.detach().gt((float) threshold), input, smooth);
    }

    /**
     * The sharpness beta.
     *
     * @return beta
     */
    public double beta() {
        return beta;
    }

    /**
     * The value of beta·x above which the output is x.
     *
     * @return the threshold
     */
    public double threshold() {
        return threshold;
    }

    @Override
    protected String extraRepr() {
        return "beta=" + Repr.num(beta) + ", threshold=" + Repr.num(threshold);
    }
}
