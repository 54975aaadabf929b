package org.grad4j.nn;

import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;

/**
 * Transposed 2-D convolution (the gradient of {@link Conv2d} with respect to its input, sometimes
 * called a fractionally-strided convolution), like {@code torch.nn.ConvTranspose2d}.
 *
 * <p>Shape: input [N, C_in, H, W] or [C_in, H, W]; output [N, C_out, H_out, W_out] with
 * H_out = (H − 1)·stride − 2·padding + dilation·(kernel − 1) + outputPadding + 1 (W alike).
 * Weight is [C_in, C_out/groups, KH, KW], bias [C_out]; both start uniform in ±1/sqrt(fanIn) with
 * fanIn = C_out/groups·KH·KW, as in PyTorch. Defaults (in PyTorch's argument order): stride 1,
 * padding 0, outputPadding 0, groups 1, bias true, dilation 1.
 * See https://pytorch.org/docs/stable/generated/torch.nn.ConvTranspose2d.html
 *
 * <pre>{@code
 * ConvTranspose2d up = new ConvTranspose2d(16, 8, 2, 2, 0);
 * up.forward(Tensor.zeros(4, 16, 7, 7)).shape();   // [4, 8, 14, 14]
 * }</pre>
 */
public class ConvTranspose2d extends ConvLayer {
    /** The kernels [C_in, C_out/groups, KH, KW]. */
    public final Parameter weight;
    /** The bias [C_out], or null when the layer has none. */
    public final Parameter bias;

    /**
     * A square kernel with stride 1, no padding and a bias, as
     * {@code torch.nn.ConvTranspose2d(in, out, kernel_size)}.
     *
     * @param inChannels C_in, the channels of the input, &gt; 0
     * @param outChannels C_out, the channels of the output, &gt; 0
     * @param kernelSize the kernel's height and width, &ge; 1
     * @throws IllegalArgumentException if a value is out of range
     */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0);
    }

    /**
     * A square kernel with a bias, as
     * {@code torch.nn.ConvTranspose2d(in, out, kernel_size, stride, padding)}.
     *
     * @param inChannels C_in, the channels of the input, &gt; 0
     * @param outChannels C_out, the channels of the output, &gt; 0
     * @param kernelSize the kernel's height and width, &ge; 1
     * @param stride the step in both directions, &ge; 1
     * @param padding the padding of the matching convolution, taken off each side of the output, &ge; 0
     * @throws IllegalArgumentException if a value is out of range
     */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, kernelSize, stride, padding, 0, 1, true, 1);
    }

    /**
     * A square kernel, initialized from the default generator, with PyTorch's argument order, as
     * {@code torch.nn.ConvTranspose2d}.
     *
     * @param inChannels C_in, the channels of the input, &gt; 0
     * @param outChannels C_out, the channels of the output, &gt; 0
     * @param kernelSize the kernel's height and width, &ge; 1
     * @param stride the step in both directions, &ge; 1
     * @param padding the padding of the matching convolution, taken off each side of the output, &ge; 0
     * @param outputPadding the size added to one side of the output, smaller than the stride
     * @param groups the number of groups the channels are split into; it divides both channel counts
     * @param bias whether to learn an additive bias
     * @param dilation the spacing between kernel elements, &ge; 1
     * @throws IllegalArgumentException if a value is out of range or the channel counts are not
     *     divisible by groups
     */
    public ConvTranspose2d(
            int inChannels,
            int outChannels,
            int kernelSize,
            int stride,
            int padding,
            int outputPadding,
            int groups,
            boolean bias,
            int dilation) {
        this(
                inChannels,
                outChannels,
                kernelSize,
                stride,
                padding,
                outputPadding,
                groups,
                bias,
                dilation,
                Generator.defaultGenerator());
    }

    /**
     * A square kernel, initialized from {@code gen}, with PyTorch's argument order.
     *
     * @param inChannels C_in, the channels of the input, &gt; 0
     * @param outChannels C_out, the channels of the output, &gt; 0
     * @param kernelSize the kernel's height and width, &ge; 1
     * @param stride the step in both directions, &ge; 1
     * @param padding the padding of the matching convolution, taken off each side of the output, &ge; 0
     * @param outputPadding the size added to one side of the output, smaller than the stride
     * @param groups the number of groups the channels are split into; it divides both channel counts
     * @param bias whether to learn an additive bias
     * @param dilation the spacing between kernel elements, &ge; 1
     * @param gen the source of the initial weight and bias
     * @throws IllegalArgumentException if a value is out of range or the channel counts are not
     *     divisible by groups
     */
    public ConvTranspose2d(
            int inChannels,
            int outChannels,
            int kernelSize,
            int stride,
            int padding,
            int outputPadding,
            int groups,
            boolean bias,
            int dilation,
            Generator gen) {
        this(
                inChannels,
                outChannels,
                Args.square(kernelSize),
                Args.square(stride),
                Args.square(padding),
                Args.square(outputPadding),
                groups,
                bias,
                Args.square(dilation),
                gen);
    }

    /**
     * (height, width) pairs, initialized from the default generator, as
     * {@code torch.nn.ConvTranspose2d} with tuples.
     *
     * @param inChannels C_in, the channels of the input, &gt; 0
     * @param outChannels C_out, the channels of the output, &gt; 0
     * @param kernelSize the (height, width) of the kernel, each &ge; 1
     * @param stride the (height, width) steps, each &ge; 1
     * @param padding the (height, width) padding of the matching convolution, each &ge; 0
     * @param outputPadding the (height, width) sizes added to one side of the output, each smaller than the stride
     * @param groups the number of groups the channels are split into; it divides both channel counts
     * @param bias whether to learn an additive bias
     * @param dilation the (height, width) spacing between kernel elements, each &ge; 1
     * @throws IllegalArgumentException if a value is out of range or the channel counts are not
     *     divisible by groups, or an array is not a pair
     */
    public ConvTranspose2d(
            int inChannels,
            int outChannels,
            int[] kernelSize,
            int[] stride,
            int[] padding,
            int[] outputPadding,
            int groups,
            boolean bias,
            int[] dilation) {
        this(
                inChannels,
                outChannels,
                kernelSize,
                stride,
                padding,
                outputPadding,
                groups,
                bias,
                dilation,
                Generator.defaultGenerator());
    }

    /**
     * The full form: (height, width) pairs for kernelSize, stride, padding, outputPadding and
     * dilation, initialized from {@code gen}.
     *
     * @param inChannels C_in, the channels of the input, &gt; 0
     * @param outChannels C_out, the channels of the output, &gt; 0
     * @param kernelSize the (height, width) of the kernel, each &ge; 1
     * @param stride the (height, width) steps, each &ge; 1
     * @param padding the (height, width) padding of the matching convolution, each &ge; 0
     * @param outputPadding the (height, width) sizes added to one side of the output, each smaller than the stride
     * @param groups the number of groups the channels are split into; it divides both channel counts
     * @param bias whether to learn an additive bias
     * @param dilation the (height, width) spacing between kernel elements, each &ge; 1
     * @param gen the source of the initial weight and bias
     * @throws IllegalArgumentException if a value is out of range or the channel counts are not
     *     divisible by groups, or an array is not a pair
     */
    public ConvTranspose2d(
            int inChannels,
            int outChannels,
            int[] kernelSize,
            int[] stride,
            int[] padding,
            int[] outputPadding,
            int groups,
            boolean bias,
            int[] dilation,
            Generator gen) {
        super("ConvTranspose2d", inChannels, outChannels, kernelSize, stride, padding, outputPadding, dilation, groups);
        this.weight = registerParameter(
                "weight", new Parameter(Tensor.zeros(inChannels, outChannels / groups, kernelSize[0], kernelSize[1])));
        this.bias = registerBias(bias);
        reset(weight, this.bias, gen);
    }

    /**
     * Applies the transposed convolution and adds the bias.
     *
     * @param input [N, C_in, H, W] or [C_in, H, W]
     * @return [N, C_out, H_out, W_out], or [C_out, H_out, W_out] for an unbatched input
     * @throws IllegalArgumentException if the input is not 3-D or 4-D with C_in channels, or the output
     *     would be empty
     */
    @Override
    public Tensor forward(Tensor input) {
        Tensor x = Args.images("ConvTranspose2d", input, inChannels);
        return Args.restore(input, x.convTranspose2d(weight, bias, stride, padding, outputPadding, dilation, groups));
    }

    /**
     * The extra (height, width) added to one side of the output.
     *
     * @return a copy of the pair
     */
    public int[] outputPadding() {
        return outputPadding.clone();
    }
}
