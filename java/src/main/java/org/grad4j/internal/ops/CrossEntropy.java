package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * Per-sample cross-entropy of inputs logits [N, C] and class indices target [N]:
 * loss[n] = logsumexp(x[n]) − x[n][t[n]], stable for large logits.
 * Backward: g[n]·(softmax(x[n]) − onehot(t[n])); the target gets no gradient (zeros, should it
 * require one).
 * NOTE: fused (one pass each way) rather than logSoftmax + gather, on every classifier's path.
 */
public final class CrossEntropy extends Op {
    private int[] targets;
    private int[] targetShape;
    private float[] logSumExp;

    @Override
    public String name() {
        return "crossEntropy";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0].contiguous();
        Tensor target = in[1];
        targetShape = target.shape();
        if (x.dim() != 2 || target.dim() != 1 || target.size(0) != x.size(0) || x.size(1) == 0) {
            throw new IllegalArgumentException("crossEntropy: expects logits [N, C] with C > 0 and targets [N], got "
                    + Shapes.str(x.shape()) + " and " + Shapes.str(target.shape()));
        }
        int rows = x.size(0);
        int classes = x.size(1);
        targets = Kernels.indices(name(), target, classes);
        logSumExp = new float[rows];
        Tensor loss = Tensor.zeros(rows);
        Kernels.backend()
                .crossEntropy(
                        TensorInternals.data(x),
                        x.storageOffset(),
                        rows,
                        classes,
                        targets,
                        TensorInternals.data(loss),
                        logSumExp);
        ctx.saveForBackward(x, target);
        return loss;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        Tensor gradX = new CrossEntropyBackward(logSumExp).apply(ctx.saved(0), ctx.saved(1), grad);
        return new Tensor[] {gradX, ctx.needsInputGrad(1) ? Tensor.zeros(targetShape) : null};
    }
}
