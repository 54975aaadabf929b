package org.grad4j.backend;

import org.grad4j.internal.tensor.Shapes;

/**
 * The sizes of one 2-D convolution over NCHW input and OIHW weight (O = outChannels,
 * I = inChannels / groups), with the output size derived from them as {@code torch.nn.Conv2d}
 * documents it.
 *
 * @param batch N, the number of samples
 * @param inChannels C, the input channels
 * @param inHeight H, the input height
 * @param inWidth W, the input width
 * @param outChannels O, the output channels
 * @param kernelHeight KH, the kernel height
 * @param kernelWidth KW, the kernel width
 * @param strideH the vertical step between windows
 * @param strideW the horizontal step between windows
 * @param padH the zeros added above and below
 * @param padW the zeros added left and right
 * @param dilationH the vertical spacing between kernel elements
 * @param dilationW the horizontal spacing between kernel elements
 * @param groups the number of groups the channels are split into
 */
public record Conv2dGeometry(
        int batch,
        int inChannels,
        int inHeight,
        int inWidth,
        int outChannels,
        int kernelHeight,
        int kernelWidth,
        int strideH,
        int strideW,
        int padH,
        int padW,
        int dilationH,
        int dilationW,
        int groups) {

    /**
     * The output height, floor((H + 2·padH − dilationH·(KH − 1) − 1) / strideH) + 1.
     *
     * @return OH, or 0 when no window fits
     * @throws IllegalArgumentException if the padded height or OH exceeds 2^31-1, or a kernel size,
     *     dilation or stride is not positive
     */
    public int outHeight() {
        return Shapes.windows("conv2d", "height", inHeight, padH, dilationH, kernelHeight, strideH);
    }

    /**
     * The output width, floor((W + 2·padW − dilationW·(KW − 1) − 1) / strideW) + 1.
     *
     * @return OW, or 0 when no window fits
     * @throws IllegalArgumentException if the padded width or OW exceeds 2^31-1, or a kernel size,
     *     dilation or stride is not positive
     */
    public int outWidth() {
        return Shapes.windows("conv2d", "width", inWidth, padW, dilationW, kernelWidth, strideW);
    }

    /**
     * The input channels each group sees.
     *
     * @return inChannels / groups
     */
    public int inChannelsPerGroup() {
        return inChannels / groups;
    }

    /**
     * The output channels each group produces.
     *
     * @return outChannels / groups
     */
    public int outChannelsPerGroup() {
        return outChannels / groups;
    }
}
