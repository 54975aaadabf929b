package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.backend.ReduceOp;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/** Position (as a float) of the first max or min, over all elements (flat) or along a dim; no gradient. */
public final class ArgReduce extends Op {
    private final ReduceOp op;
    private final Integer dim;
    private final boolean keepDim;

    public ArgReduce(ReduceOp op, Integer dim, boolean keepDim) {
        this.op = op;
        this.dim = dim;
        this.keepDim = keepDim;
    }

    @Override
    public String name() {
        return op == ReduceOp.ARGMAX ? "argmax" : "argmin";
    }

    @Override
    public Attributes attributes() {
        return dim == null ? Attributes.of() : Attributes.of().with("dim", dim).with("keepDim", keepDim);
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        ctx.markNonDifferentiable();
        Tensor x = in[0];
        if (dim == null) {
            Layout.checkNotEmpty(name(), x.shape(), x.numel());
            return Kernels.reduceAll(op, x);
        }
        int axis = Shapes.dim(name(), dim, x.dim());
        Layout.checkNotEmpty(name(), x.shape(), x.size(axis));
        return Kernels.reduce(op, x, axis).reshape(Layout.reduced(x.shape(), axis, keepDim));
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        throw new IllegalStateException(name() + " has no gradient");
    }
}
