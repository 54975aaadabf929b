package org.grad4j.internal.ops;

import org.grad4j.backend.Conv2dGeometry;
import org.grad4j.graph.Attributes;
import org.grad4j.tensor.Tensor;

/**
 * One of conv2d's gradients, by the backend's kernels: of the input [N, C, H, W] from the output
 * gradient and the weight, or of the weight [O, C/groups, KH, KW] from the input and the output
 * gradient. The shape of the gradient is an attribute, since the other operand's shape does not
 * fix it (the output's size rounds down).
 */
final class Conv2dBackward extends DerivativeOp {
    private final ConvParams params;
    private final boolean weight;
    private final int[] shape;

    private Conv2dBackward(ConvParams params, boolean weight, int[] shape) {
        this.params = params;
        this.weight = weight;
        this.shape = shape.clone();
    }

    /** The input gradient of a conv2d of input shape {@code inputShape}, applied to (gradY, w). */
    static Conv2dBackward input(ConvParams params, int[] inputShape) {
        return new Conv2dBackward(params, false, inputShape);
    }

    /** The weight gradient of a conv2d of weight shape {@code weightShape}, applied to (x, gradY). */
    static Conv2dBackward weight(ConvParams params, int[] weightShape) {
        return new Conv2dBackward(params, true, weightShape);
    }

    @Override
    public String name() {
        return weight ? "conv2dBackwardWeight" : "conv2dBackwardInput";
    }

    @Override
    public Attributes attributes() {
        return params.attributes().with("shape", shape);
    }

    @Override
    String expects() {
        return weight
                ? "the input [N, C, H, W] and the output gradient [N, O, OH, OW]"
                : "the output gradient [N, O, OH, OW] and the weight [O, C/groups, KH, KW]";
    }

    @Override
    protected Tensor compute(Tensor... in) {
        Tensor a = in[0].contiguous();
        Tensor b = in[1].contiguous();
        require(a.dim() == 4 && b.dim() == 4 && shape.length == 4, in);
        int[] x = weight ? a.shape() : shape;
        int[] w = weight ? shape : b.shape();
        Tensor gradY = weight ? b : a;
        require(w[0] % params.groups() == 0 && (long) w[1] * params.groups() == x[1], in);
        Conv2dGeometry g = params.geometry(name(), x[0], x[1], x[2], x[3], w[0], w[2], w[3]);
        require(java.util.Arrays.equals(gradY.shape(), new int[] {x[0], w[0], g.outHeight(), g.outWidth()}), in);
        return weight ? Conv2dKernels.weightGrad(g, a, b) : Conv2dKernels.inputGrad(g, a, b);
    }
}
