package org.grad4j.internal.ops;

import org.grad4j.autograd.Context;
import org.grad4j.autograd.GradMode;
import org.grad4j.backend.Pool2dGeometry;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/** Max over 2-D windows of x [N, C, H, W]. Backward: g routed to each window's max position. */
public final class MaxPool2d extends Op {
    private final Pool2d pool;
    /** x, held for the backward op's input. */
    private Tensor input;

    /** Where each output's max came from, until backward has used it (null after: found again if needed). */
    private int[] argmax;

    public MaxPool2d(int[] kernel, int[] stride, int[] padding, int[] dilation) {
        this.pool = Pool2d.of("maxPool2d", kernel, stride, padding, dilation);
    }

    @Override
    public String name() {
        return "maxPool2d";
    }

    @Override
    public Attributes attributes() {
        return pool.attributes();
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0].contiguous();
        Pool2dGeometry geometry = pool.geometry(x);
        input = in[0];
        Tensor y = Pool2d.output(geometry);
        argmax = ArgmaxBuffers.take(y.numel());
        Kernels.backend()
                .maxPool2dForward(
                        geometry, TensorInternals.data(x), x.storageOffset(), TensorInternals.data(y), argmax);
        if (!ctx.needsInputGrad(0)) {
            ArgmaxBuffers.give(argmax);
            argmax = null;
        }
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor grad) {
        int[] positions = argmax;
        Tensor gradX = Pool2dBackward.max(pool, positions).apply(input, grad);
        // A graph of the backward itself (create_graph) keeps the positions; else they are done
        // with, and a second backward over a retained graph finds them again.
        if (positions != null && !GradMode.isEnabled()) {
            argmax = null;
            ArgmaxBuffers.give(positions);
        }
        return new Tensor[] {gradX};
    }
}
