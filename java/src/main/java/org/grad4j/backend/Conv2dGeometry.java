package org.grad4j.backend;

/**
 * The sizes of one 2-D convolution over NCHW input and OIHW weight (O = outChannels,
 * I = inChannels / groups), with the output size derived from them.
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

    public int outHeight() {
        return Math.floorDiv(inHeight + 2 * padH - dilationH * (kernelHeight - 1) - 1, strideH) + 1;
    }

    public int outWidth() {
        return Math.floorDiv(inWidth + 2 * padW - dilationW * (kernelWidth - 1) - 1, strideW) + 1;
    }

    public int inChannelsPerGroup() {
        return inChannels / groups;
    }

    public int outChannelsPerGroup() {
        return outChannels / groups;
    }
}
