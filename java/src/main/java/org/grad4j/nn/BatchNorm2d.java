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
    public BatchNorm2d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /** A null momentum means a cumulative moving average of the batch statistics. */
    public BatchNorm2d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    protected void checkInput(Tensor input) {
        if (input.dim() != 4 || input.size(1) != numFeatures()) {
            throw new IllegalArgumentException(
                    "BatchNorm2d: expected input [N, " + numFeatures() + ", H, W], got " + Shapes.str(input.shape()));
        }
    }
}
