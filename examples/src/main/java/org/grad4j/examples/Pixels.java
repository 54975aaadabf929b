package org.grad4j.examples;

import java.awt.image.BufferedImage;
import org.grad4j.tensor.Tensor;

/**
 * An RGB image as training data for a network that maps a pixel's position to its colour: the
 * positions as coordinates in [-1, 1], the colours as values in [0, 1], both one row per pixel in
 * row-major order, and back from predicted colours to an image.
 */
final class Pixels {
    private Pixels() {}

    /** The (x, y) position of every pixel of a width × height image, [H·W, 2], each in [-1, 1]. */
    static Tensor coordinates(int width, int height) {
        float[] xy = new float[2 * width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                xy[2 * i] = scaled(x, width);
                xy[2 * i + 1] = scaled(y, height);
            }
        }
        return Tensor.of(xy, width * height, 2);
    }

    private static float scaled(int index, int size) {
        return size == 1 ? 0f : 2f * index / (size - 1) - 1f;
    }

    /** The colour of every pixel, [H·W, 3] (r, g, b in [0, 1]). */
    static Tensor colours(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        float[] rgb = new float[3 * width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int pixel = image.getRGB(x, y);
                rgb[3 * i] = ((pixel >> 16) & 0xff) / 255f;
                rgb[3 * i + 1] = ((pixel >> 8) & 0xff) / 255f;
                rgb[3 * i + 2] = (pixel & 0xff) / 255f;
            }
        }
        return Tensor.of(rgb, width * height, 3);
    }

    /** The image whose pixels have these colours, [H·W, 3] in [0, 1] (clipped). */
    static BufferedImage image(Tensor colours, int width, int height) {
        if (colours.dim() != 2 || colours.size(0) != width * height || colours.size(1) != 3) {
            throw new IllegalArgumentException("Pixels: expected colours [" + width * height + ", 3] for a " + width
                    + " x " + height + " image, got " + java.util.Arrays.toString(colours.shape()));
        }
        float[] rgb = colours.toArray();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                image.setRGB(x, y, (level(rgb[3 * i]) << 16) | (level(rgb[3 * i + 1]) << 8) | level(rgb[3 * i + 2]));
            }
        }
        return image;
    }

    private static int level(float value) {
        float clipped = Float.isNaN(value) ? 0f : Math.max(0f, Math.min(1f, value));
        return Math.round(clipped * 255);
    }
}
