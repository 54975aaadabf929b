package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.autograd.GradMode;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * Batched matrix product of a [..., m, k] and b [..., k, n] (both at least 2-D; batch dims
 * broadcast), one GEMM per batch entry on the operands' own strides where they allow it.
 * Backward: g·bᵀ and aᵀ·g, summed over broadcast batch dims.
 */
public final class Matmul extends Op {
    @Override
    public String name() {
        return "matmul";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor out = TensorInternals.forKernelOutput(resultShape(in[0], in[1]));
        ctx.saveForBackward(in[0], in[1]);
        compute(in[0], in[1], out, 0f);
        return out;
    }

    /**
     * Writes a·b into {@code out} (PyTorch's {@code out=}): no autograd, so while grad mode is on
     * neither the operands nor out may require grad; out must be contiguous, of the result's shape,
     * and share no storage with the operands.
     */
    public static Tensor into(Tensor a, Tensor b, Tensor out) {
        int[] shape = resultShape(a, b);
        if (GradMode.isEnabled()) {
            checkNoAutograd(a, b, out);
        }
        if (!java.util.Arrays.equals(out.shape(), shape) || !out.isContiguous()) {
            throw new IllegalArgumentException("matmul: out= needs a contiguous tensor of shape " + Shapes.str(shape)
                    + " for " + Shapes.str(a.shape()) + " @ " + Shapes.str(b.shape()) + ", got "
                    + Shapes.str(out.shape()) + (out.isContiguous() ? "" : " (not contiguous)"));
        }
        if (TensorInternals.storage(out) == TensorInternals.storage(a)
                || TensorInternals.storage(out) == TensorInternals.storage(b)) {
            throw new IllegalArgumentException("matmul: out= shares storage with an operand");
        }
        compute(a, b, out, 0f);
        return out;
    }

    private static void checkNoAutograd(Tensor a, Tensor b, Tensor out) {
        if (out.requiresGrad() && out.isLeaf()) {
            throw new IllegalArgumentException("matmul: out= of shape " + Shapes.str(out.shape())
                    + " is a leaf that requires grad (a leaf Variable that requires grad is being used in an"
                    + " in-place operation); write it under GradMode.noGrad(), or into a tensor that does not"
                    + " require grad");
        }
        if (out.requiresGrad()) {
            throw new IllegalArgumentException("matmul: out= does not support autograd, but out of shape "
                    + Shapes.str(out.shape()) + " requires grad (made by " + out.gradFn()
                    + "); use matmul(other) instead");
        }
        if (a.requiresGrad() || b.requiresGrad()) {
            throw new IllegalArgumentException("matmul: out= does not support autograd, but an operand of "
                    + Shapes.str(a.shape()) + " @ " + Shapes.str(b.shape())
                    + " requires grad (use GradMode.noGrad() or detach())");
        }
    }

    private static int[] resultShape(Tensor a, Tensor b) {
        int[] as = a.shape();
        int[] bs = b.shape();
        if (as.length < 2 || bs.length < 2) {
            throw new IllegalArgumentException(
                    "matmul: operands need at least 2 dimensions here, got " + Shapes.str(as) + " @ " + Shapes.str(bs));
        }
        int k = as[as.length - 1];
        if (bs[bs.length - 2] != k) {
            throw new IllegalArgumentException("matmul: " + Shapes.str(as) + " @ " + Shapes.str(bs)
                    + ": inner dimensions " + k + " != " + bs[bs.length - 2]);
        }
        int[] batch = broadcastBatch(as, bs);
        int[] shape = java.util.Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = as[as.length - 2];
        shape[batch.length + 1] = bs[bs.length - 1];
        return shape;
    }

    /**
     * out = a·b + beta·out, one GEMM per batch entry of out, on the operands' own strides where
     * they allow it; with beta = 0 (a fresh result) out is written, not read.
     */
    static void compute(Tensor a, Tensor b, Tensor out, float beta) {
        int[] shape = out.shape();
        int[] batch = java.util.Arrays.copyOf(shape, shape.length - 2);
        int m = shape[shape.length - 2];
        int n = shape[shape.length - 1];
        int k = a.shape()[a.dim() - 1];
        GemmOperand ga = GemmOperand.of(a);
        GemmOperand gb = GemmOperand.of(b);
        int[] aBatch = batchStrides(ga.tensor(), batch);
        int[] bBatch = batchStrides(gb.tensor(), batch);
        int count = Shapes.numel(batch);
        float[] c = TensorInternals.data(out);
        for (int i = 0; i < count; i++) {
            int aOff = ga.tensor().storageOffset();
            int bOff = gb.tensor().storageOffset();
            for (int d = batch.length - 1, rem = i; d >= 0; d--) {
                int idx = rem % batch[d];
                rem /= batch[d];
                aOff += idx * aBatch[d];
                bOff += idx * bBatch[d];
            }
            Kernels.backend()
                    .gemm(
                            ga.trans(),
                            gb.trans(),
                            m,
                            n,
                            k,
                            1f,
                            TensorInternals.data(ga.tensor()),
                            aOff,
                            ga.ld(),
                            TensorInternals.data(gb.tensor()),
                            bOff,
                            gb.ld(),
                            beta,
                            c,
                            out.storageOffset() + i * m * n,
                            Math.max(n, 1));
        }
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
            ctx.needsInputGrad(0) ? inLayoutOf(a, grad, b.transpose(-1, -2)) : null,
            ctx.needsInputGrad(1) ? inLayoutOf(b, a.transpose(-1, -2), grad) : null
        };
    }

    /**
     * left·right summed to the operand's shape; for a 2-D operand stored transposed (such as W.t()),
     * computed as (rightᵀ·leftᵀ)ᵀ so that the gradient has the operand's own strides and reaches a
     * leaf behind the transpose without a copy.
     */
    private static Tensor inLayoutOf(Tensor operand, Tensor left, Tensor right) {
        boolean transposed =
                operand.dim() == 2 && operand.stride()[0] == 1 && operand.shape()[0] > 1 && operand.shape()[1] > 1;
        if (transposed && left.dim() == 2 && right.dim() == 2) {
            return right.t().matmul(left.t()).t();
        }
        return Kernels.sumTo(left.matmul(right), operand.shape());
    }
}
