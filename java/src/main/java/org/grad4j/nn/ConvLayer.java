package org.grad4j.nn;

import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;

/**
 * What Conv2d and ConvTranspose2d share, as PyTorch's {@code _ConvNd}: the channel counts and
 * (height, width) hyper-parameters, checked with messages naming the layer; PyTorch's
 * initialization of weight and bias; and PyTorch's repr.
 */
abstract class ConvLayer extends Module {
    final int inChannels;
    final int outChannels;
    final int[] kernelSize;
    final int[] stride;
    final int[] padding;
    /** A transposed convolution's extra output size, or null for Conv2d. */
    final int[] outputPadding;

    final int[] dilation;
    final int groups;

    /** Checks every value; outputPadding is null for a Conv2d, which has none. */
    ConvLayer(
            String name,
            int inChannels,
            int outChannels,
            int[] kernelSize,
            int[] stride,
            int[] padding,
            int[] outputPadding,
            int[] dilation,
            int groups) {
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
        this.outputPadding = outputPadding == null ? null : Shapes.pair(name, "outputPadding", outputPadding, 0);
        this.dilation = Shapes.pair(name, "dilation", dilation, 1);
        for (int i = 0; outputPadding != null && i < 2; i++) {
            if (outputPadding[i] >= stride[i]) {
                throw new IllegalArgumentException(name + ": outputPadding must be smaller than stride (PyTorch"
                        + " also accepts it below dilation; grad4j does not), got outputPadding "
                        + Repr.tuple(outputPadding) + ", stride " + Repr.tuple(stride) + ", dilation "
                        + Repr.tuple(dilation));
            }
        }
    }

    /** Registers a bias [C_out] if {@code bias}, else nothing. */
    final Parameter registerBias(boolean bias) {
        return registerParameter("bias", bias ? new Parameter(Tensor.zeros(outChannels)) : null);
    }

    /**
     * PyTorch's {@code _ConvNd.reset_parameters}: weight by kaiming_uniform with a = sqrt(5), i.e.
     * uniform in ±1/sqrt(fanIn), and bias uniform in ±1/sqrt(fanIn), fanIn taken from the weight.
     */
    static void reset(Tensor weight, Tensor bias, Generator gen) {
        Init.kaimingUniform_(weight, Math.sqrt(5), gen);
        if (bias != null) {
            int fanIn = Init.fans(weight)[0];
            float bound = fanIn > 0 ? (float) (1 / Math.sqrt(fanIn)) : 0f;
            Init.uniform_(bias, -bound, bound, gen);
        }
    }

    /**
     * The number of input channels.
     *
     * @return C_in
     */
    public int inChannels() {
        return inChannels;
    }

    /**
     * The number of output channels.
     *
     * @return C_out
     */
    public int outChannels() {
        return outChannels;
    }

    /**
     * The (height, width) of the kernel.
     *
     * @return a copy of the pair
     */
    public int[] kernelSize() {
        return kernelSize.clone();
    }

    /**
     * The (height, width) stride.
     *
     * @return a copy of the pair
     */
    public int[] stride() {
        return stride.clone();
    }

    /**
     * The (height, width) padding: the zeros a Conv2d adds to each side of its input, or what a
     * ConvTranspose2d takes off each side of its output (the padding of the matching convolution).
     *
     * @return a copy of the pair
     */
    public int[] padding() {
        return padding.clone();
    }

    /**
     * The (height, width) spacing between kernel elements.
     *
     * @return a copy of the pair
     */
    public int[] dilation() {
        return dilation.clone();
    }

    /**
     * The number of blocked connections from input to output channels.
     *
     * @return groups
     */
    public int groups() {
        return groups;
    }

    /** PyTorch's {@code _ConvNd.extra_repr}: defaults (padding 0, dilation 1, ...) are left out. */
    @Override
    protected String extraRepr() {
        StringBuilder s = new StringBuilder()
                .append(inChannels)
                .append(", ")
                .append(outChannels)
                .append(", kernel_size=")
                .append(Repr.tuple(kernelSize))
                .append(", stride=")
                .append(Repr.tuple(stride));
        if (padding[0] != 0 || padding[1] != 0) {
            s.append(", padding=").append(Repr.tuple(padding));
        }
        if (dilation[0] != 1 || dilation[1] != 1) {
            s.append(", dilation=").append(Repr.tuple(dilation));
        }
        if (outputPadding != null && (outputPadding[0] != 0 || outputPadding[1] != 0)) {
            s.append(", output_padding=").append(Repr.tuple(outputPadding));
        }
        if (groups != 1) {
            s.append(", groups=").append(groups);
        }
        if (!localParameters().containsKey("bias")) {
            s.append(", bias=False");
        }
        return s.toString();
    }
}
