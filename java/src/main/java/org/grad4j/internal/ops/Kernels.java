package org.grad4j.internal.ops;

import org.grad4j.backend.Backend;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.ReduceOp;
import org.grad4j.backend.UnaryOp;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/** Calls into the current backend on tensors, shared by the ops' forward and backward. */
public final class Kernels {
    /** The backend's gather or scatter-add, over the middle axis of [outer, size, inner]. */
    @FunctionalInterface
    private interface PickKernel {
        void run(
                float[] src,
                int srcOffset,
                int outer,
                int size,
                int inner,
                int[] index,
                int count,
                boolean perElement,
                float[] dst);
    }

    private Kernels() {}

    static Backend backend() {
        return Backend.current();
    }

    /** y = op(x), a new contiguous tensor. */
    public static Tensor unary(UnaryOp op, Tensor x, float alpha, float beta) {
        Tensor c = x.contiguous();
        Tensor out = TensorInternals.forKernelOutput(x.shape());
        backend()
                .unary(
                        op,
                        alpha,
                        beta,
                        TensorInternals.data(c),
                        c.storageOffset(),
                        TensorInternals.data(out),
                        0,
                        c.numel());
        return out;
    }

    public static Tensor unary(UnaryOp op, Tensor x) {
        return unary(op, x, 0f, 0f);
    }

    /** out = op(a, b) broadcast, a new contiguous tensor; {@code name} is the op named in errors. */
    public static Tensor binary(String name, BinaryOp op, Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast(name, a.shape(), b.shape());
        Tensor out = TensorInternals.forKernelOutput(shape);
        backend()
                .binary(
                        op,
                        shape,
                        TensorInternals.data(a),
                        a.storageOffset(),
                        broadcastStrides(a, shape),
                        TensorInternals.data(b),
                        b.storageOffset(),
                        broadcastStrides(b, shape),
                        TensorInternals.data(out),
                        0);
        return out;
    }

    /** The strides that read {@code t} as if expanded to {@code shape} (0 along broadcast dims). */
    public static int[] broadcastStrides(Tensor t, int[] shape) {
        return Shapes.broadcastStrides(t.shape(), t.stride(), shape);
    }

    /** Sums a broadcast gradient back down to {@code shape} (the adjoint of broadcasting). */
    public static Tensor sumTo(Tensor grad, int[] shape) {
        int[] g = grad.shape();
        if (java.util.Arrays.equals(g, shape)) {
            return grad;
        }
        int lead = g.length - shape.length;
        int[] dims = new int[g.length];
        int count = 0;
        for (int d = 0; d < g.length; d++) {
            if (d < lead || shape[d - lead] == 1 && g[d] != 1) {
                dims[count++] = d;
            }
        }
        Tensor summed = count == 0 ? grad : grad.sum(java.util.Arrays.copyOf(dims, count), true);
        return summed.reshape(shape);
    }

    /** Reduces one dim of x into a tensor of x's shape with that dim set to 1. */
    public static Tensor reduce(ReduceOp op, Tensor x, int dim) {
        Layout l = Layout.around(x.shape(), dim);
        Tensor c = x.contiguous();
        Tensor out = Tensor.zeros(Layout.reduced(x.shape(), dim, true));
        backend()
                .reduce(
                        op,
                        TensorInternals.data(c),
                        c.storageOffset(),
                        l.outer(),
                        l.size(),
                        l.inner(),
                        TensorInternals.data(out),
                        0);
        return out;
    }

    /** Reduces all elements of a non-empty x into a scalar. */
    public static Tensor reduceAll(ReduceOp op, Tensor x) {
        Tensor c = x.contiguous();
        Tensor out = Tensor.zeros();
        backend().reduce(op, TensorInternals.data(c), c.storageOffset(), 1, c.numel(), 1, TensorInternals.data(out), 0);
        return out;
    }

    /**
     * The entries of x picked along {@code axis}, into a new tensor of {@code outShape}: count
     * positions per row, one list shared by every row, or one position per output element
     * ({@code perElement}, as gather's index).
     */
    static Tensor gather(Tensor x, int axis, int[] positions, int count, boolean perElement, int[] outShape) {
        return pick(backend()::gather, x, Layout.around(x.shape(), axis), positions, count, perElement, outShape);
    }

    /** The adjoint of {@link #gather}: grad added into zeros of {@code inputShape} at the picked positions. */
    static Tensor scatterAdd(Tensor grad, int[] inputShape, int axis, int[] positions, int count, boolean perElement) {
        Layout l = Layout.around(inputShape, axis);
        return pick(backend()::scatterAdd, grad, l, positions, count, perElement, inputShape);
    }

    /** The backend's gather or scatter-add from src into a new tensor of outShape. */
    private static Tensor pick(
            PickKernel kernel, Tensor src, Layout l, int[] positions, int count, boolean perElement, int[] outShape) {
        Tensor c = src.contiguous();
        Tensor out = Tensor.zeros(outShape);
        kernel.run(
                TensorInternals.data(c),
                c.storageOffset(),
                l.outer(),
                l.size(),
                l.inner(),
                positions,
                count,
                perElement,
                TensorInternals.data(out));
        return out;
    }

    /** Reads an index tensor of integer values, each in [0, size), naming the op on failure. */
    public static int[] indices(String op, Tensor index, int size) {
        float[] v = index.toArray();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            float f = v[i];
            if (f != Math.rint(f) || f < 0 || f >= size) {
                throw new IllegalArgumentException(
                        op + ": index " + f + " out of range [0, " + size + ") or not an integer");
            }
            out[i] = (int) f;
        }
        return out;
    }
}
