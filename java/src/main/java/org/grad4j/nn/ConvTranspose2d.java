package org.grad4j.nn;

import org.grad4j.internal.tensor.Shapes;
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
public class ConvTranspose2d extends Module {
    private final int inChannels;
    private final int outChannels;
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final int[] outputPadding;
    private final int groups;
    private final int[] dilation;
    public final Parameter weight;
    public final Parameter bias;

    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0);
    }

    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, kernelSize, stride, padding, 0, 1, true, 1);
    }

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

    /** The full form: (height, width) pairs for kernelSize, stride, padding, outputPadding and dilation. */
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
        String name = "ConvTranspose2d";
        this.inChannels = Args.positive(name, "inChannels", inChannels);
        this.outChannels = Args.positive(name, "outChannels", outChannels);
        this.groups = Args.positive(name, "groups", groups);
        if (inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException(name + ": inChannels and outChannels must be divisible by groups, got "
                    + inChannels + ", " + outChannels + " and groups " + groups);
        }
        this.kernelSize = Shapes.pair(name, "kernelSize", kernelSize, 1);
        this.stride = Shapes.pair(name, "stride", stride, 1);
        this.padding = Shapes.pair(name, "padding", padding, 0);
        this.outputPadding = Shapes.pair(name, "outputPadding", outputPadding, 0);
        this.dilation = Shapes.pair(name, "dilation", dilation, 1);
        for (int i = 0; i < 2; i++) {
            if (outputPadding[i] >= stride[i]) {
                throw new IllegalArgumentException(name + ": outputPadding must be smaller than stride (PyTorch"
                        + " also accepts it below dilation; grad4j does not), got outputPadding "
                        + Repr.tuple(outputPadding) + ", stride " + Repr.tuple(stride) + ", dilation "
                        + Repr.tuple(dilation));
            }
        }
        this.weight = registerParameter(
                "weight", new Parameter(Tensor.zeros(inChannels, outChannels / groups, kernelSize[0], kernelSize[1])));
        this.bias = registerParameter("bias", bias ? new Parameter(Tensor.zeros(outChannels)) : null);
        ConvSupport.reset(weight, this.bias, gen);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = Args.images("ConvTranspose2d", input, inChannels);
        return Args.restore(input, x.convTranspose2d(weight, bias, stride, padding, outputPadding, dilation, groups));
    }

    /** The number of input channels. */
    public int inChannels() {
        return inChannels;
    }

    /** The number of output channels. */
    public int outChannels() {
        return outChannels;
    }

    /** The (height, width) of the kernel (a copy). */
    public int[] kernelSize() {
        return kernelSize.clone();
    }

    /** The (height, width) stride (a copy). */
    public int[] stride() {
        return stride.clone();
    }

    /** The (height, width) zero padding (a copy). */
    public int[] padding() {
        return padding.clone();
    }

    /** The extra (height, width) added to one side of the output (a copy). */
    public int[] outputPadding() {
        return outputPadding.clone();
    }

    /** The number of blocked connections from input to output channels. */
    public int groups() {
        return groups;
    }

    /** The (height, width) spacing between kernel elements (a copy). */
    public int[] dilation() {
        return dilation.clone();
    }

    @Override
    protected String extraRepr() {
        return ConvSupport.repr(
                inChannels, outChannels, kernelSize, stride, padding, dilation, outputPadding, groups, bias != null);
    }
}
