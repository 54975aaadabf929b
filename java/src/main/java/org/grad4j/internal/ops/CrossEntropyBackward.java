package org.grad4j.internal.ops;

import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * crossEntropy's logits gradient g[n]·(softmax(x[n]) − onehot(t[n])) from logits [N, C], targets
 * [N] and the per-sample loss gradient [N]. Made by crossEntropy's backward it reuses the
 * log-sum-exp its forward computed; rebuilt from a graph it computes it again.
 */
final class CrossEntropyBackward extends DerivativeOp {
    private final float[] logSumExp;

    /** @param logSumExp the forward's per-row log-sum-exp of these logits, or null to compute it */
    CrossEntropyBackward(float[] logSumExp) {
        this.logSumExp = logSumExp;
    }

    @Override
    public String name() {
        return "crossEntropyBackward";
    }

    @Override
    String expects() {
        return "logits [N, C], targets [N] and the loss gradient [N]";
    }

    @Override
    protected Tensor compute(Tensor... in) {
        require(
                in[0].dim() == 2
                        && in[1].dim() == 1
                        && in[2].dim() == 1
                        && in[1].size(0) == in[0].size(0)
                        && in[2].size(0) == in[0].size(0)
                        && in[0].size(1) > 0,
                in);
        Tensor x = in[0].contiguous();
        int rows = x.size(0);
        int classes = x.size(1);
        int[] targets = Kernels.indices(name(), in[1], classes);
        float[] lse = logSumExp;
        if (lse == null) {
            lse = new float[rows];
            Kernels.backend()
                    .crossEntropy(
                            TensorInternals.data(x), x.storageOffset(), rows, classes, targets, new float[rows], lse);
        }
        Tensor gradX = Tensor.zeros(x.shape());
        Kernels.backend()
                .crossEntropyBackward(
                        TensorInternals.data(x),
                        x.storageOffset(),
                        rows,
                        classes,
                        targets,
                        lse,
                        in[2].contiguous().toArray(),
                        TensorInternals.data(gradX));
        return gradX;
    }
}
