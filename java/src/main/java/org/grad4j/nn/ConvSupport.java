package org.grad4j.nn;

import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;

/** What Conv2d and ConvTranspose2d share: PyTorch's initialization and repr. */
final class ConvSupport {
    private ConvSupport() {}

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

    /** PyTorch's {@code _ConvNd.extra_repr}: defaults (padding 0, dilation 1, ...) are left out. */
    static String repr(
            int in,
            int out,
            int[] kernel,
            int[] stride,
            int[] padding,
            int[] dilation,
            int[] outputPadding,
            int groups,
            boolean bias) {
        StringBuilder s = new StringBuilder()
                .append(in)
                .append(", ")
                .append(out)
                .append(", kernel_size=")
                .append(Repr.tuple(kernel))
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
        if (!bias) {
            s.append(", bias=False");
        }
        return s.toString();
    }
}
