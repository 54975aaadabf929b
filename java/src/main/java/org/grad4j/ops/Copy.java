package org.grad4j.ops;

import org.grad4j.autograd.Context;
import org.grad4j.autograd.Function;
import org.grad4j.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/** A contiguous copy with its own storage. Backward: g. */
public final class Copy extends Function {
    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0];
        Tensor out = Tensor.zeros(x.shape());
        Kernels.backend()
                .copy(
                        x.shape(),
                        x.storage().data(),
                        x.storageOffset(),
                        x.stride(),
                        out.storage().data(),
                        0,
                        Shapes.contiguousStrides(x.shape()));
        return out;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        return new Tensor[] {grad};
    }
}
