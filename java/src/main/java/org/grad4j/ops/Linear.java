package org.grad4j.ops;

import org.grad4j.autograd.Context;
import org.grad4j.autograd.Function;
import org.grad4j.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * y = x·Wᵀ + b for x [*, in], W [out, in], b [out] (or no bias), as PyTorch's
 * {@code F.linear}. Backward: gx = g·W, gW = gᵀ·x, gb = Σ_rows g.
 */
// NOTE: a primitive rather than matmul + add (PyTorch's addmm): the bias is written first and GEMM
// adds into it, so the forward makes one output buffer and one pass instead of two.
public final class Linear extends Function {
    private int[] inputShape;
    private boolean hasBias;

    @Override
    public String name() {
        return "linear";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0];
        Tensor w = in[1];
        Tensor b = in.length > 2 ? in[2] : null;
        check(x, w, b);
        inputShape = x.shape();
        hasBias = b != null;
        int outFeatures = w.shape()[0];
        int rows = Shapes.numel(java.util.Arrays.copyOf(inputShape, inputShape.length - 1));
        Tensor x2 = x.reshape(rows, w.shape()[1]);
        Tensor out = Tensor.zeros(rows, outFeatures);
        float[] c = out.storage().data();
        if (b != null) {
            Kernels.backend().copy(new int[] {rows, outFeatures}, b.storage().data(), b.storageOffset(),
                    new int[] {0, b.stride()[0]}, c, 0, new int[] {outFeatures, 1});
        }
        GemmOperand ga = GemmOperand.of(x2);
        GemmOperand gb = GemmOperand.of(w.t());
        Kernels.backend().gemm(ga.trans(), gb.trans(), rows, outFeatures, w.shape()[1], 1f,
                ga.tensor().storage().data(), ga.tensor().storageOffset(), ga.ld(), gb.tensor().storage().data(),
                gb.tensor().storageOffset(), gb.ld(), b == null ? 0f : 1f, c, 0, Math.max(outFeatures, 1));
        ctx.saveForBackward(x2, w);
        int[] outShape = inputShape.clone();
        outShape[outShape.length - 1] = outFeatures;
        return out.reshape(outShape);
    }

    private static void check(Tensor x, Tensor w, Tensor b) {
        boolean ok = w.dim() == 2 && x.dim() >= 1 && x.size(-1) == w.shape()[1]
                && (b == null || b.dim() == 1 && b.shape()[0] == w.shape()[0]);
        if (!ok) {
            throw new IllegalArgumentException("linear: expects input [*, in], weight [out, in] and bias [out], got "
                    + Shapes.str(x.shape()) + ", " + Shapes.str(w.shape())
                    + (b == null ? " and no bias" : " and " + Shapes.str(b.shape())));
        }
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        Tensor x2 = ctx.saved(0);
        Tensor w = ctx.saved(1);
        Tensor g2 = grad.reshape(x2.shape()[0], w.shape()[0]);
        Tensor[] grads = new Tensor[hasBias ? 3 : 2];
        if (ctx.needsInputGrad(0)) {
            grads[0] = g2.matmul(w).reshape(inputShape);
        }
        if (ctx.needsInputGrad(1)) {
            grads[1] = g2.t().matmul(x2);
        }
        if (hasBias && ctx.needsInputGrad(2)) {
            grads[2] = g2.sum(0);
        }
        return grads;
    }
}
