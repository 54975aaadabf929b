package org.grad4j.internal.backend.java;

import org.grad4j.backend.Conv2dGeometry;

/**
 * Convolution as im2col + GEMM, the batch split into at most as many ranges of whole images as
 * there are threads, each range's GEMMs run on its own thread: the column matrix of an image group
 * is [C/groups · KH · KW, OH · OW], so y = W · col, gradCol = Wᵀ · gradY and gradW += gradY · colᵀ
 * (per range, then summed).
 */
final class Convolution {
    /** The work of one image group, given a column buffer of its own thread. */
    @FunctionalInterface
    private interface ImageGroupBody {
        void run(int image, int group, float[] col);
    }

    private final Parallel parallel;
    /** Runs on the calling thread: the convolution splits its images over the threads itself. */
    private final Gemm serialGemm;

    Convolution(Parallel parallel, Gemm serialGemm) {
        this.parallel = parallel;
        this.serialGemm = serialGemm;
    }

    void forward(Conv2dGeometry g, float[] x, int xOffset, float[] w, int wOffset, float[] y, int yOffset) {
        int cg = g.inChannelsPerGroup();
        int og = g.outChannelsPerGroup();
        int rows = columnRows(g);
        int cols = columnCols(g);
        forEachImageGroup(g, (n, grp, col) -> {
            int xImage = xOffset + (n * g.inChannels() + grp * cg) * g.inHeight() * g.inWidth();
            im2col(g, x, xImage, col);
            int yBlock = yOffset + (n * g.outChannels() + grp * og) * cols;
            serialGemm.gemm(
                    false,
                    false,
                    og,
                    cols,
                    rows,
                    1f,
                    w,
                    wOffset + grp * og * rows,
                    rows,
                    col,
                    0,
                    cols,
                    0f,
                    y,
                    yBlock,
                    cols);
        });
    }

    void backwardData(
            Conv2dGeometry g, float[] gradY, int gradYOffset, float[] w, int wOffset, float[] gradX, int gradXOffset) {
        int cg = g.inChannelsPerGroup();
        int og = g.outChannelsPerGroup();
        int rows = columnRows(g);
        int cols = columnCols(g);
        int plane = g.inHeight() * g.inWidth();
        forEachImageGroup(g, (n, grp, col) -> {
            int yBlock = gradYOffset + (n * g.outChannels() + grp * og) * cols;
            serialGemm.gemm(
                    true,
                    false,
                    rows,
                    cols,
                    og,
                    1f,
                    w,
                    wOffset + grp * og * rows,
                    rows,
                    gradY,
                    yBlock,
                    cols,
                    0f,
                    col,
                    0,
                    cols);
            int xImage = gradXOffset + (n * g.inChannels() + grp * cg) * plane;
            java.util.Arrays.fill(gradX, xImage, xImage + cg * plane, 0f);
            col2im(g, col, gradX, xImage);
        });
    }

    void backwardWeight(
            Conv2dGeometry g, float[] x, int xOffset, float[] gradY, int gradYOffset, float[] gradW, int gradWOffset) {
        int cg = g.inChannelsPerGroup();
        int og = g.outChannelsPerGroup();
        int rows = columnRows(g);
        int cols = columnCols(g);
        int size = g.outChannels() * rows;
        int colSize = columnSize(g);
        int chunks = Math.max(1, Math.min(parallel.threads(), g.batch()));
        float[][] partial = new float[chunks][];
        parallel.forRange(chunks, 1, (fromChunk, toChunk) -> {
            for (int chunk = fromChunk; chunk < toChunk; chunk++) {
                float[] acc = new float[size];
                float[] col = new float[colSize];
                int from = (int) ((long) g.batch() * chunk / chunks);
                int to = (int) ((long) g.batch() * (chunk + 1) / chunks);
                for (int n = from; n < to; n++) {
                    for (int grp = 0; grp < g.groups(); grp++) {
                        im2col(g, x, xOffset + (n * g.inChannels() + grp * cg) * g.inHeight() * g.inWidth(), col);
                        int yBlock = gradYOffset + (n * g.outChannels() + grp * og) * cols;
                        serialGemm.gemm(
                                false,
                                true,
                                og,
                                rows,
                                cols,
                                1f,
                                gradY,
                                yBlock,
                                cols,
                                col,
                                0,
                                cols,
                                1f,
                                acc,
                                grp * og * rows,
                                rows);
                    }
                }
                partial[chunk] = acc;
            }
        });
        for (int i = 0; i < size; i++) {
            float s = 0f;
            for (float[] p : partial) {
                s += p[i];
            }
            gradW[gradWOffset + i] = s;
        }
    }

    /** The rows of an image group's column matrix: C/groups · KH · KW. */
    private static int columnRows(Conv2dGeometry g) {
        return g.inChannelsPerGroup() * g.kernelHeight() * g.kernelWidth();
    }

    /** The columns of an image group's column matrix: OH · OW. */
    private static int columnCols(Conv2dGeometry g) {
        return g.outHeight() * g.outWidth();
    }

    /** The floats of an image group's column matrix, which must fit one Java array. */
    private static int columnSize(Conv2dGeometry g) {
        long size = (long) columnRows(g) * columnCols(g);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("conv2d: the Java backend's column matrix of " + columnRows(g) + " x "
                    + columnCols(g) + " = " + size + " floats (C/groups·KH·KW x OH·OW) exceeds a Java array");
        }
        return (int) size;
    }

    /** Runs body for every (image, group), the images split over the threads. */
    private void forEachImageGroup(Conv2dGeometry g, ImageGroupBody body) {
        int colSize = columnSize(g);
        parallel.forRange(g.batch(), 1, (from, to) -> {
            float[] col = new float[colSize];
            for (int n = from; n < to; n++) {
                for (int grp = 0; grp < g.groups(); grp++) {
                    body.run(n, grp, col);
                }
            }
        });
    }

    /** col[(c, kh, kw), (oh, ow)] = x[c, oh·s - p + kh·d, ow·s - p + kw·d], zero outside the image. */
    private static void im2col(Conv2dGeometry g, float[] x, int xImage, float[] col) {
        int oh = g.outHeight();
        int ow = g.outWidth();
        int h = g.inHeight();
        int w = g.inWidth();
        int row = 0;
        for (int c = 0; c < g.inChannelsPerGroup(); c++) {
            for (int kh = 0; kh < g.kernelHeight(); kh++) {
                for (int kw = 0; kw < g.kernelWidth(); kw++, row++) {
                    int dst = row * oh * ow;
                    for (int i = 0; i < oh; i++) {
                        int ih = i * g.strideH() - g.padH() + kh * g.dilationH();
                        for (int j = 0; j < ow; j++) {
                            int iw = j * g.strideW() - g.padW() + kw * g.dilationW();
                            col[dst++] =
                                    ih >= 0 && ih < h && iw >= 0 && iw < w ? x[xImage + (c * h + ih) * w + iw] : 0f;
                        }
                    }
                }
            }
        }
    }

    /** The adjoint of im2col: adds each column entry back into the image position it came from. */
    private static void col2im(Conv2dGeometry g, float[] col, float[] x, int xImage) {
        int oh = g.outHeight();
        int ow = g.outWidth();
        int h = g.inHeight();
        int w = g.inWidth();
        int row = 0;
        for (int c = 0; c < g.inChannelsPerGroup(); c++) {
            for (int kh = 0; kh < g.kernelHeight(); kh++) {
                for (int kw = 0; kw < g.kernelWidth(); kw++, row++) {
                    int src = row * oh * ow;
                    for (int i = 0; i < oh; i++) {
                        int ih = i * g.strideH() - g.padH() + kh * g.dilationH();
                        for (int j = 0; j < ow; j++, src++) {
                            int iw = j * g.strideW() - g.padW() + kw * g.dilationW();
                            if (ih >= 0 && ih < h && iw >= 0 && iw < w) {
                                x[xImage + (c * h + ih) * w + iw] += col[src];
                            }
                        }
                    }
                }
            }
        }
    }
}
