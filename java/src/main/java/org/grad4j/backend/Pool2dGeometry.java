package org.grad4j.backend;

/** The sizes of one 2-D pooling over NCHW input; the output size is derived from them. */
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

    public int outHeight() {
        return Math.floorDiv(inHeight + 2 * padH - dilationH * (kernelHeight - 1) - 1, strideH) + 1;
    }

    public int outWidth() {
        return Math.floorDiv(inWidth + 2 * padW - dilationW * (kernelWidth - 1) - 1, strideW) + 1;
    }
}
