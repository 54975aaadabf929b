package org.grad4j.nn;

import java.util.Arrays;
import org.grad4j.autograd.GradMode;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * The common part of {@link BatchNorm1d} and {@link BatchNorm2d} (PyTorch's {@code _BatchNorm}):
 * y = (x − E[x]) / sqrt(Var[x] + eps) · weight + bias per channel (dim 1), the statistics taken
 * over every other dim.
 *
 * <p>In training mode (or without running statistics) the batch mean and biased variance
 * normalize the input, and the running statistics are updated in place, without a gradient:
 * running = (1 − momentum)·running + momentum·batch, with the unbiased variance
 * (× m/(m − 1), m values per channel) for running_var; a null momentum means the cumulative
 * average (factor 1/num_batches_tracked). In eval mode the running statistics normalize.
 *
 * <p>State-dict keys as in PyTorch: weight, bias (when affine), running_mean, running_var and
 * num_batches_tracked (when tracking running statistics). NOTE: PyTorch keeps num_batches_tracked
 * as an int64 tensor; grad4j has only float32, so it is a 0-d float tensor (exact up to 2^24
 * batches).
 */
public abstract class BatchNorm extends Module {
    private final int numFeatures;
    private final double eps;
    private final Double momentum;
    private final boolean affine;
    private final boolean trackRunningStats;
    /** The learnable scale γ [numFeatures], starting at 1; null unless affine. */
    public final Parameter weight;
    /** The learnable shift β [numFeatures], starting at 0; null unless affine. */
    public final Parameter bias;
    /** The running mean [numFeatures] (buffer {@code running_mean}); null unless tracking running statistics. */
    public final Tensor runningMean;
    /** The running variance [numFeatures] (buffer {@code running_var}); null unless tracking running statistics. */
    public final Tensor runningVar;
    /**
     * The number of training batches seen, a 0-d tensor (buffer {@code num_batches_tracked}); null
     * unless tracking running statistics.
     */
    public final Tensor numBatchesTracked;

    /**
     * Validates and registers weight = 1, bias = 0, running_mean = 0, running_var = 1, num_batches_tracked = 0.
     *
     * @param numFeatures C, the number of channels, &gt; 0
     * @param eps the value added to the variance, finite and &ge; 0
     * @param momentum the running-average factor in [0, 1], or null for a cumulative average
     * @param affine whether to learn a weight and bias
     * @param trackRunningStats whether to keep running statistics and use them in eval mode
     * @throws IllegalArgumentException if a value is out of range
     */
    protected BatchNorm(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        String name = getClass().getSimpleName();
        this.numFeatures = Args.positive(name, "numFeatures", numFeatures);
        if (!(eps >= 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException(name + ": eps must be finite and >= 0, got " + eps);
        }
        if (momentum != null && !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(name + ": momentum must be in [0, 1] or null, got " + momentum);
        }
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        this.weight = registerParameter("weight", affine ? new Parameter(Tensor.ones(numFeatures)) : null);
        this.bias = registerParameter("bias", affine ? new Parameter(Tensor.zeros(numFeatures)) : null);
        this.runningMean = trackRunningStats ? registerBuffer("running_mean", Tensor.zeros(numFeatures)) : null;
        this.runningVar = trackRunningStats ? registerBuffer("running_var", Tensor.ones(numFeatures)) : null;
        this.numBatchesTracked = trackRunningStats ? registerBuffer("num_batches_tracked", Tensor.scalar(0f)) : null;
    }

    /**
     * Throws unless the input has a layout this layer accepts, with numFeatures channels in dim 1.
     *
     * @param input the input of {@link #forward}
     * @throws IllegalArgumentException if the layout is wrong
     */
    protected abstract void checkInput(Tensor input);

    /**
     * Normalizes each channel; in training mode also updates the running statistics.
     *
     * @param input a batch with C channels in dim 1
     * @return the normalized batch, in the input's shape
     * @throws IllegalArgumentException if the layout is wrong, or in training (or without running
     *     statistics) a channel has only one value
     */
    @Override
    public Tensor forward(Tensor input) {
        checkInput(input);
        int[] dims = new int[input.dim() - 1];
        int[] channelShape = new int[input.dim()];
        Arrays.fill(channelShape, 1);
        channelShape[1] = numFeatures;
        for (int d = 0, j = 0; d < input.dim(); d++) {
            if (d != 1) {
                dims[j++] = d;
            }
        }
        Tensor y;
        if (isTraining() || !trackRunningStats) {
            int m = input.numel() / numFeatures;
            if (m <= 1) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": expected more than 1 value per"
                        + " channel when training, got input " + Shapes.str(input.shape()));
            }
            Tensor mean = input.sum(dims, true).div(m);
            Tensor centered = input.sub(mean);
            Tensor var = centered.square().sum(dims, true).div(m);
            y = centered.div(var.add((float) eps).sqrt());
            if (isTraining() && trackRunningStats) {
                updateRunningStats(mean, var, m);
            }
        } else {
            Tensor std = runningVar.reshape(channelShape).add((float) eps).sqrt();
            y = input.sub(runningMean.reshape(channelShape)).div(std);
        }
        return affine ? y.mul(weight.reshape(channelShape)).add(bias.reshape(channelShape)) : y;
    }

    private void updateRunningStats(Tensor mean, Tensor var, int m) {
        try (Scope ignored = GradMode.noGrad()) {
            numBatchesTracked.add_(1f);
            float factor = momentum == null ? 1f / numBatchesTracked.item() : momentum.floatValue();
            runningMean.mul_(1 - factor).add_(mean.reshape(numFeatures).mul(factor));
            runningVar.mul_(1 - factor).add_(var.reshape(numFeatures).mul((float) (factor * m / (m - 1.0))));
        }
    }

    /**
     * The number of channels C.
     *
     * @return C
     */
    public int numFeatures() {
        return numFeatures;
    }

    /**
     * The value added to the variance for numerical stability.
     *
     * @return eps
     */
    public double eps() {
        return eps;
    }

    /**
     * The running-average factor.
     *
     * @return the factor, or null for a cumulative average
     */
    public Double momentum() {
        return momentum;
    }

    /**
     * Whether the layer has a learnable weight and bias.
     *
     * @return true when affine
     */
    public boolean affine() {
        return affine;
    }

    /**
     * Whether running statistics are kept (and used in eval mode).
     *
     * @return true when tracking
     */
    public boolean trackRunningStats() {
        return trackRunningStats;
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + Repr.num(eps) + ", momentum=" + (momentum == null ? "None" : Repr.num(momentum))
                + ", affine=" + Repr.bool(affine) + ", track_running_stats="
                + Repr.bool(trackRunningStats);
    }
}
