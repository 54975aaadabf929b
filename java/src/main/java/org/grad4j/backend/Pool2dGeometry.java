package org.grad4j.backend;

import org.grad4j.internal.tensor.Shapes;

/**
 * The sizes of one 2-D pooling over NCHW input; the output size is derived from them as
 * {@code torch.nn.MaxPool2d} documents it.
 *
 * @param batch N, the number of samples
 * @param channels C, the channels
 * @param inHeight H, the input height
 * @param inWidth W, the input width
 * @param kernelHeight the window height
 * @param kernelWidth the window width
 * @param strideH the vertical step between windows
 * @param strideW the horizontal step between windows
 * @param padH the padding above and below
 * @param padW the padding left and right
 * @param dilationH the vertical spacing between window elements
 * @param dilationW the horizontal spacing between window elements
 */
public record Pool2dGeometry(
        int batch,
        int channels,
        int inHeight,
        int inWidth,
        int kernelHeight,
        int kernelWidth,
        int strideH,
        int strideW,
        int padH,
        int padW,
        int dilationH,
        int dilationW) {

    /**
     * The output height, floor((H + 2·padH − dilationH·(kernelHeight − 1) − 1) / strideH) + 1.
     *
     * @return OH, or 0 when no window fits
     * @throws IllegalArgumentException if the padded height or OH exceeds 2^31-1, or a kernel size,
     *     dilation or stride is not positive
     */
    public int outHeight() {
        return Shapes.windows("pool2d", "height", inHeight, padH, dilationH, kernelHeight, strideH);
    }

    /**
     * The output width, floor((W + 2·padW − dilationW·(kernelWidth − 1) − 1) / strideW) + 1.
     *
     * @return OW, or 0 when no window fits
     * @throws IllegalArgumentException if the padded width or OW exceeds 2^31-1, or a kernel size,
     *     dilation or stride is not positive
     */
    public int outWidth() {
        return Shapes.windows("pool2d", "width", inWidth, padW, dilationW, kernelWidth, strideW);
    }
}
