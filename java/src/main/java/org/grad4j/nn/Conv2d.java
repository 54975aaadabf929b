package org.grad4j.nn;

import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;

/**
 * 2-D convolution (cross-correlation) over an image batch, like {@code torch.nn.Conv2d}:
 * out[n, o] = bias[o] + Σ_c weight[o, c] ⋆ input[n, g·C/groups + c], with zero padding.
 *
 * <p>Shape: input [N, C_in, H, W] or [C_in, H, W]; output [N, C_out, H_out, W_out] with
 * H_out = ⌊(H + 2·padding − dilation·(kernel − 1) − 1) / stride⌋ + 1 (W alike). Weight is
 * [C_out, C_in/groups, KH, KW], bias [C_out]. Both start uniform in ±1/sqrt(fanIn), fanIn =
 * C_in/groups·KH·KW (PyTorch's kaiming_uniform with a = sqrt(5)). Defaults: stride 1, padding 0,
 * dilation 1, groups 1, bias true. See https://pytorch.org/docs/stable/generated/torch.nn.Conv2d.html
 *
 * <pre>{@code
 * Conv2d conv = new Conv2d(1, 32, 3, 1, 1);
 * conv.forward(Tensor.zeros(8, 1, 28, 28)).shape();   // [8, 32, 28, 28]
 * conv.toString();   // Conv2d(1, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
 * }</pre>
 */
public class Conv2d extends ConvLayer {
    /** The kernels [C_out, C_in/groups, KH, KW]. */
    public final Parameter weight;
    /** The bias [C_out], or null when the layer has none. */
    public final Parameter bias;

    /**
     * A square kernel with stride 1, no padding and a bias, as {@code torch.nn.Conv2d(in, out, kernel_size)}.
     *
     * @param inChannels C_in, the channels of the input, &gt; 0
     * @param outChannels C_out, the channels of the output, &gt; 0
     * @param kernelSize the kernel's height and width, &ge; 1
     * @throws IllegalArgumentException if a value is out of range
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0);
    }

    /**
     * A square kernel with a bias, as {@code torch.nn.Conv2d(in, out, kernel_size, stride, padding)}.
     *
     * @param inChannels C_in, the channels of the input, &gt; 0
     * @param outChannels C_out, the channels of the output, &gt; 0
     * @param kernelSize the kernel's height and width, &ge; 1
     * @param stride the step in both directions, &ge; 1
     * @param padding the zero padding on each side, &ge; 0
     * @throws IllegalArgumentException if a value is out of range
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, kernelSize, stride, padding, 1, 1, true);
    }

    /**
     * A square kernel, initialized from the default generator, as {@code torch.nn.Conv2d}.
     *
     * @param inChannels C_in, the channels of the input, &gt; 0
     * @param outChannels C_out, the channels of the output, &gt; 0
     * @param kernelSize the kernel's height and width, &ge; 1
     * @param stride the step in both directions, &ge; 1
     * @param padding the zero padding on each side, &ge; 0
     * @param dilation the spacing between kernel elements, &ge; 1
     * @param groups the number of groups the channels are split into; it divides both channel counts
     * @param bias whether to learn an additive bias
     * @throws IllegalArgumentException if a value is out of range or the channel counts are not
     *     divisible by groups
     */
    public Conv2d(
            int inChannels,
            int outChannels,
            int kernelSize,
            int stride,
            int padding,
            int dilation,
            int groups,
            boolean bias) {
        this(
                inChannels,
                outChannels,
                kernelSize,
                stride,
                padding,
                dilation,
                groups,
                bias,
                Generator.defaultGenerator());
    }

    /**
     * A square kernel, initialized from {@code gen}.
     *
     * @param inChannels C_in, the channels of the input, &gt; 0
     * @param outChannels C_out, the channels of the output, &gt; 0
     * @param kernelSize the kernel's height and width, &ge; 1
     * @param stride the step in both directions, &ge; 1
     * @param padding the zero padding on each side, &ge; 0
     * @param dilation the spacing between kernel elements, &ge; 1
     * @param groups the number of groups the channels are split into; it divides both channel counts
     * @param bias whether to learn an additive bias
     * @param gen the source of the initial weight and bias
     * @throws IllegalArgumentException if a value is out of range or the channel counts are not
     *     divisible by groups
     */
    public Conv2d(
            int inChannels,
            int outChannels,
            int kernelSize,
            int stride,
            int padding,
            int dilation,
            int groups,
            boolean bias,
            Generator gen) {
        this(
                inChannels,
                outChannels,
                Args.square(kernelSize),
                Args.square(stride),
                Args.square(padding),
                Args.square(dilation),
                groups,
                bias,
                gen);
    }

    /**
     * (height, width) pairs, initialized from the default generator, as {@code torch.nn.Conv2d} with tuples.
     *
     * @param inChannels C_in, the channels of the input, &gt; 0
     * @param outChannels C_out, the channels of the output, &gt; 0
     * @param kernelSize the (height, width) of the kernel, each &ge; 1
     * @param stride the (height, width) steps, each &ge; 1
     * @param padding the (height, width) zero padding on each side, each &ge; 0
     * @param dilation the (height, width) spacing between kernel elements, each &ge; 1
     * @param groups the number of groups the channels are split into; it divides both channel counts
     * @param bias whether to learn an additive bias
     * @throws IllegalArgumentException if a value is out of range or the channel counts are not
     *     divisible by groups, or an array is not a pair
     */
    public Conv2d(
            int inChannels,
            int outChannels,
            int[] kernelSize,
            int[] stride,
            int[] padding,
            int[] dilation,
            int groups,
            boolean bias) {
        this(
                inChannels,
                outChannels,
                kernelSize,
                stride,
                padding,
                dilation,
                groups,
                bias,
                Generator.defaultGenerator());
    }

    /**
     * The full form: (height, width) pairs for kernelSize, stride, padding and dilation, initialized
     * from {@code gen}.
     *
     * @param inChannels C_in, the channels of the input, &gt; 0
     * @param outChannels C_out, the channels of the output, &gt; 0
     * @param kernelSize the (height, width) of the kernel, each &ge; 1
     * @param stride the (height, width) steps, each &ge; 1
     * @param padding the (height, width) zero padding on each side, each &ge; 0
     * @param dilation the (height, width) spacing between kernel elements, each &ge; 1
     * @param groups the number of groups the channels are split into; it divides both channel counts
     * @param bias whether to learn an additive bias
     * @param gen the source of the initial weight and bias
     * @throws IllegalArgumentException if a value is out of range or the channel counts are not
     *     divisible by groups, or an array is not a pair
     */
    public Conv2d(
            int inChannels,
            int outChannels,
            int[] kernelSize,
            int[] stride,
            int[] padding,
            int[] dilation,
            int groups,
            boolean bias,
            Generator gen) {
        super("Conv2d", inChannels, outChannels, kernelSize, stride, padding, null, dilation, groups);
        this.weight = registerParameter(
                "weight", new Parameter(Tensor.zeros(outChannels, inChannels / groups, kernelSize[0], kernelSize[1])));
        this.bias = registerBias(bias);
        reset(weight, this.bias, gen);
    }

    /**
     * Convolves the input with the kernels and adds the bias.
     *
     * @param input [N, C_in, H, W] or [C_in, H, W]
     * @return [N, C_out, H_out, W_out], or [C_out, H_out, W_out] for an unbatched input
     * @throws IllegalArgumentException if the input is not 3-D or 4-D with C_in channels, or smaller
     *     than the dilated kernel after padding
     */
    @Override
    public Tensor forward(Tensor input) {
        Tensor x = Args.images("Conv2d", input, inChannels);
        return Args.restore(input, x.conv2d(weight, bias, stride, padding, dilation, groups));
    }
}
