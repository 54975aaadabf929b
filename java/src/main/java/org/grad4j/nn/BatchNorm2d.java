package org.grad4j.nn;

import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * Batch normalization over a batch of images, like {@code torch.nn.BatchNorm2d}:
 * y = (x − E[x]) / sqrt(Var[x] + eps) · weight + bias, per channel, the statistics taken over
 * N, H and W (see {@link BatchNorm}).
 *
 * <p>Shape: input [N, C, H, W]; output as input. Defaults: eps 1e-5, momentum 0.1, affine true,
 * trackRunningStats true. See https://pytorch.org/docs/stable/generated/torch.nn.BatchNorm2d.html
 *
 * <pre>{@code
 * BatchNorm2d bn = new BatchNorm2d(64);
 * bn.stateDict().keySet();   // [weight, bias, running_mean, running_var, num_batches_tracked]
 * bn.toString();   // BatchNorm2d(64, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
 * }</pre>
 */
public class BatchNorm2d extends BatchNorm {
    /**
     * A layer with PyTorch's defaults (eps 1e-5, momentum 0.1, affine, tracking running statistics),
     * as {@code torch.nn.BatchNorm2d(num_features)}.
     *
     * @param numFeatures C, the number of channels, &gt; 0
     * @throws IllegalArgumentException if {@code numFeatures} is not positive
     */
    public BatchNorm2d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /**
     * A layer with every option, as {@code torch.nn.BatchNorm2d}.
     *
     * @param numFeatures C, the number of channels, &gt; 0
     * @param eps the value added to the variance, finite and &ge; 0
     * @param momentum the running-average factor in [0, 1], or null for a cumulative moving average of
     *     the batch statistics
     * @param affine whether to learn a weight and bias
     * @param trackRunningStats whether to keep running statistics and use them in eval mode
     * @throws IllegalArgumentException if a value is out of range
     */
    public BatchNorm2d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    /**
     * Accepts [N, C, H, W].
     *
     * @param input the input of {@link #forward}
     * @throws IllegalArgumentException if the input is not 4-D with numFeatures channels in dim 1
     */
    @Override
    protected void checkInput(Tensor input) {
        if (input.dim() != 4 || input.size(1) != numFeatures()) {
            throw new IllegalArgumentException(
                    "BatchNorm2d: expected input [N, " + numFeatures() + ", H, W], got " + Shapes.str(input.shape()));
        }
    }
}
