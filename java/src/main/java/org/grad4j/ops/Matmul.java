package org.grad4j.ops;

import org.grad4j.autograd.Context;
import org.grad4j.autograd.Function;
import org.grad4j.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * Batched matrix product of a [..., m, k] and b [..., k, n] (both at least 2-D; batch dims
 * broadcast), one GEMM per batch entry on the operands' own strides where they allow it.
 * Backward: g·bᵀ and aᵀ·g, summed over broadcast batch dims.
 */
public final class Matmul extends Function {
    @Override
    public String name() {
        return "matmul";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor a = in[0];
        Tensor b = in[1];
        int[] as = a.shape();
        int[] bs = b.shape();
        int m = as[as.length - 2];
        int k = as[as.length - 1];
        int n = bs[bs.length - 1];
        if (bs[bs.length - 2] != k) {
            throw new IllegalArgumentException("matmul: " + Shapes.str(as) + " @ " + Shapes.str(bs)
                    + ": inner dimensions " + k + " != " + bs[bs.length - 2]);
        }
        int[] batch = broadcastBatch(as, bs);
        int[] outShape = java.util.Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        Tensor out = Tensor.zeros(outShape);
        ctx.saveForBackward(a, b);
        GemmOperand ga = GemmOperand.of(a);
        GemmOperand gb = GemmOperand.of(b);
        int[] aBatch = batchStrides(ga.tensor(), batch);
        int[] bBatch = batchStrides(gb.tensor(), batch);
        int count = Shapes.numel(batch);
        float[] c = out.storage().data();
        for (int i = 0; i < count; i++) {
            int aOff = ga.tensor().storageOffset();
            int bOff = gb.tensor().storageOffset();
            for (int d = batch.length - 1, rem = i; d >= 0; d--) {
                int idx = rem % batch[d];
                rem /= batch[d];
                aOff += idx * aBatch[d];
                bOff += idx * bBatch[d];
            }
            Kernels.backend().gemm(ga.trans(), gb.trans(), m, n, k, 1f, ga.tensor().storage().data(), aOff, ga.ld(),
                    gb.tensor().storage().data(), bOff, gb.ld(), 0f, c, i * m * n, Math.max(n, 1));
        }
        return out;
    }

    private static int[] broadcastBatch(int[] as, int[] bs) {
        int[] a = java.util.Arrays.copyOf(as, as.length - 2);
        int[] b = java.util.Arrays.copyOf(bs, bs.length - 2);
        try {
            return Shapes.broadcast("matmul", a, b);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("matmul: " + Shapes.str(as) + " @ " + Shapes.str(bs)
                    + ": batch dimensions " + Shapes.str(a) + " and " + Shapes.str(b) + " cannot be broadcast");
        }
    }

    /** Element strides of t's batch dims as seen from the broadcast batch shape (0 where broadcast). */
    private static int[] batchStrides(Tensor t, int[] batch) {
        int[] shape = t.shape();
        int[] strides = t.stride();
        int own = shape.length - 2;
        int[] out = new int[batch.length];
        for (int d = 0; d < own; d++) {
            int target = batch.length - own + d;
            out[target] = shape[d] == 1 ? 0 : strides[d];
        }
        return out;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        Tensor a = ctx.saved(0);
        Tensor b = ctx.saved(1);
        return new Tensor[] {
            ctx.needsInputGrad(0) ? Kernels.sumTo(grad.matmul(b.transpose(-1, -2)), a.shape()) : null,
            ctx.needsInputGrad(1) ? Kernels.sumTo(a.transpose(-1, -2).matmul(grad), b.shape()) : null};
    }
}
