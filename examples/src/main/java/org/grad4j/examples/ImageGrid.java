package org.grad4j.examples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.grad4j.tensor.Tensor;

/** Writes images as PNG: one image, or a grid of equally sized grey-scale or RGB images. */
public final class ImageGrid {
    private ImageGrid() {}

    /**
     * Writes images [N, C, H, W] (C = 1 or 3, values in [0, 1], clipped) as a grid with
     * {@code columns} images per row and a 2-pixel gap, scaled up by {@code scale}.
     */
    public static void write(Tensor images, int columns, int scale, Path file) throws IOException {
        int[] s = images.shape();
        if (s.length != 4 || (s[1] != 1 && s[1] != 3) || columns < 1 || scale < 1) {
            throw new IllegalArgumentException(
                    "ImageGrid: expects images [N, 1 or 3, H, W], got " + java.util.Arrays.toString(s));
        }
        int n = s[0];
        int c = s[1];
        int h = s[2];
        int w = s[3];
        int rows = (n + columns - 1) / columns;
        int gap = 2;
        BufferedImage img = new BufferedImage(
                columns * (w * scale + gap) + gap, rows * (h * scale + gap) + gap, BufferedImage.TYPE_INT_RGB);
        float[] v = images.toArray();
        for (int i = 0; i < n; i++) {
            int x0 = gap + (i % columns) * (w * scale + gap);
            int y0 = gap + (i / columns) * (h * scale + gap);
            for (int y = 0; y < h * scale; y++) {
                for (int x = 0; x < w * scale; x++) {
                    int pixel = (y / scale) * w + x / scale;
                    int r = level(v[(i * c) * h * w + pixel]);
                    int g = c == 3 ? level(v[(i * c + 1) * h * w + pixel]) : r;
                    int b = c == 3 ? level(v[(i * c + 2) * h * w + pixel]) : r;
                    img.setRGB(x0 + x, y0 + y, (r << 16) | (g << 8) | b);
                }
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(img, "png", file.toFile());
    }

    private static int level(float value) {
        float clipped = Float.isNaN(value) ? 0f : Math.max(0f, Math.min(1f, value));
        return Math.round(clipped * 255);
    }
}
