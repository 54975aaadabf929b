package org.grad4j.internal.ops;

import org.grad4j.backend.Pool2dGeometry;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * The input gradient of max_pool2d, g routed to each window's maximum, from x and g; or of
 * avg_pool2d, g shared evenly over each window, from g and the input's shape. Made by
 * max_pool2d's backward it reuses the positions its forward found; rebuilt from a graph it finds
 * them in x again.
 */
final class Pool2dBackward extends DerivativeOp {
    private final Pool2d pool;
    private final int[] inputShape;
    private final int[] argmax;

    private Pool2dBackward(Pool2d pool, int[] inputShape, int[] argmax) {
        this.pool = pool;
        this.inputShape = inputShape;
        this.argmax = argmax;
    }

    /** max_pool2d's, applied to (x, g); argmax is its forward's, or null to find them again. */
    static Pool2dBackward max(Pool2d pool, int[] argmax) {
        return new Pool2dBackward(pool, null, argmax);
    }

    /** avg_pool2d's for an input of this shape, applied to (g). */
    static Pool2dBackward avg(Pool2d pool, int[] inputShape) {
        return new Pool2dBackward(pool, inputShape.clone(), null);
    }

    @Override
    public String name() {
        return pool.op() + "Backward";
    }

    @Override
    public Attributes attributes() {
        return inputShape == null ? pool.attributes() : pool.attributes().with("shape", inputShape);
    }

    /** The output gradient must have the pooled output's shape. */
    private void requireOutput(Pool2dGeometry g, Tensor grad, Tensor[] in) {
        int[] out = {g.batch(), g.channels(), g.outHeight(), g.outWidth()};
        require(java.util.Arrays.equals(grad.shape(), out), in);
    }

    @Override
    protected Tensor compute(Tensor... in) {
        if (inputShape != null) {
            require(inputShape.length == 4, in);
            Pool2dGeometry geometry = pool.geometry(inputShape);
            requireOutput(geometry, in[0], in);
            Tensor gradX = Pool2d.inputGrad(geometry);
            Kernels.backend().avgPool2dBackward(geometry, Pool2d.gradData(in[0]), TensorInternals.data(gradX));
            return gradX;
        }
        Tensor x = in[0];
        Pool2dGeometry geometry = pool.geometry(x);
        requireOutput(geometry, in[1], in);
        int[] positions = argmax;
        if (positions == null) {
            Tensor c = x.contiguous();
            Tensor y = Pool2d.output(geometry);
            positions = new int[y.numel()];
            Kernels.backend()
                    .maxPool2dForward(
                            geometry, TensorInternals.data(c), c.storageOffset(), TensorInternals.data(y), positions);
        }
        Tensor gradX = Pool2d.inputGrad(geometry);
        Kernels.backend().maxPool2dBackward(geometry, Pool2d.gradData(in[1]), positions, TensorInternals.data(gradX));
        return gradX;
    }
}
