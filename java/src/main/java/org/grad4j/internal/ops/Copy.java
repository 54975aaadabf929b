package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/** A contiguous copy with its own storage. Backward: g. */
public final class Copy extends Op {
    @Override
    public String name() {
        return "clone";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0];
        Tensor out = Tensor.zeros(x.shape());
        Kernels.backend()
                .copy(
                        x.shape(),
                        TensorInternals.data(x),
                        x.storageOffset(),
                        x.stride(),
                        TensorInternals.data(out),
                        0,
                        Shapes.contiguousStrides(x.shape()));
        return out;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {grad};
    }
}
