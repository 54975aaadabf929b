package org.grad4j.internal.ops;

import org.grad4j.backend.UnaryOp;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * act(x · w + bias) for x [m, k], w [k, n] and bias [n]: the GEMM, then bias and activation in one
 * pass over its output ({@code matmulBias} in a graph; attribute {@code activation}, a
 * {@link UnaryOp} name or {@code none}, and its parameter {@code alpha}).
 */
final class MatmulBias extends FusedOp {
    private final UnaryOp activation;
    private final float alpha;

    MatmulBias(UnaryOp activation, float alpha) {
        this.activation = activation;
        this.alpha = alpha;
    }

    static MatmulBias of(Attributes a) {
        String act = a.getString("activation");
        return new MatmulBias(act.equals("none") ? null : UnaryOp.valueOf(act), a.getFloat("alpha"));
    }

    @Override
    public String name() {
        return "matmulBias";
    }

    @Override
    public Attributes attributes() {
        return Attributes.of()
                .with("activation", activation == null ? "none" : activation.name())
                .with("alpha", alpha);
    }

    @Override
    protected Tensor compute(Tensor... in) {
        Tensor x = in[0];
        Tensor w = in[1];
        Tensor bias = in[2];
        if (x.dim() != 2 || w.dim() != 2 || x.size(1) != w.size(0) || bias.dim() != 1 || bias.size(0) != w.size(1)) {
            throw new IllegalArgumentException("matmulBias: expects x [m, k], w [k, n] and bias [n], got "
                    + Shapes.str(x.shape()) + ", " + Shapes.str(w.shape()) + " and " + Shapes.str(bias.shape()));
        }
        int rows = x.size(0);
        int cols = w.size(1);
        Tensor out = TensorInternals.forKernelOutput(rows, cols);
        Matmul.compute(x, w, out, 0f);
        Tensor b = bias.contiguous();
        float[] y = TensorInternals.data(out);
        Kernels.backend()
                .biasActivation(activation, alpha, y, 0, TensorInternals.data(b), b.storageOffset(), rows, cols, y, 0);
        return out;
    }
}
