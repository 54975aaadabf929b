package org.grad4j.nn;

import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * Batch normalization over a batch of vectors or sequences, like {@code torch.nn.BatchNorm1d}:
 * y = (x − E[x]) / sqrt(Var[x] + eps) · weight + bias, per channel (see {@link BatchNorm}).
 *
 * <p>Shape: input [N, C] or [N, C, L]; output as input. Defaults: eps 1e-5, momentum 0.1,
 * affine true, trackRunningStats true.
 * See https://pytorch.org/docs/stable/generated/torch.nn.BatchNorm1d.html
 *
 * <pre>{@code
 * BatchNorm1d bn = new BatchNorm1d(100);
 * bn.forward(Tensor.randn(20, 100)).shape();   // [20, 100]
 * bn.toString();   // BatchNorm1d(100, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
 * }</pre>
 */
public class BatchNorm1d extends BatchNorm {
    /**
     * A layer with PyTorch's defaults (eps 1e-5, momentum 0.1, affine, tracking running statistics),
     * as {@code torch.nn.BatchNorm1d(num_features)}.
     *
     * @param numFeatures C, the number of channels, &gt; 0
     * @throws IllegalArgumentException if {@code numFeatures} is not positive
     */
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /**
     * A layer with every option, as {@code torch.nn.BatchNorm1d}.
     *
     * @param numFeatures C, the number of channels, &gt; 0
     * @param eps the value added to the variance, finite and &ge; 0
     * @param momentum the running-average factor in [0, 1], or null for a cumulative moving average of
     *     the batch statistics
     * @param affine whether to learn a weight and bias
     * @param trackRunningStats whether to keep running statistics and use them in eval mode
     * @throws IllegalArgumentException if a value is out of range
     */
    public BatchNorm1d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    /**
     * Accepts [N, C] and [N, C, L].
     *
     * @param input the input of {@link #forward}
     * @throws IllegalArgumentException if the input is not 2-D or 3-D with numFeatures channels in dim 1
     */
    @Override
    protected void checkInput(Tensor input) {
        if ((input.dim() != 2 && input.dim() != 3) || input.size(1) != numFeatures()) {
            throw new IllegalArgumentException("BatchNorm1d: expected input [N, " + numFeatures() + "] or [N, "
                    + numFeatures() + ", L], got " + Shapes.str(input.shape()));
        }
    }
}
