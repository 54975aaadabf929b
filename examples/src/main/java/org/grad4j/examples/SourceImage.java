package org.grad4j.examples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The picture the regression example learns: drawn with Java2D, or read from a file. */
final class SourceImage {
    private SourceImage() {}

    /**
     * A colourful square picture of {@code size} pixels: a sky-to-sea gradient, a glowing sun, a
     * red disc, a yellow triangle and a green bar. Sharp edges next to smooth gradients show what
     * a small network paints well and what it blurs.
     */
    static BufferedImage drawn(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(size / 100.0, size / 100.0);
        g.setPaint(new GradientPaint(0, 0, new Color(30, 60, 160), 0, 100, new Color(150, 230, 220)));
        g.fill(new Rectangle2D.Double(0, 0, 100, 100));
        g.setPaint(new RadialGradientPaint(72, 26, 22, new float[] {0f, 0.5f, 1f}, new Color[] {
            new Color(255, 250, 200), new Color(255, 170, 40), new Color(255, 170, 40, 0)
        }));
        g.fill(new Ellipse2D.Double(50, 4, 44, 44));
        g.setColor(new Color(220, 30, 60));
        g.fill(new Ellipse2D.Double(10, 45, 36, 36));
        g.setColor(new Color(250, 210, 20));
        g.fill(new Polygon(new int[] {45, 90, 60}, new int[] {92, 80, 50}, 3));
        g.setColor(new Color(40, 170, 70));
        g.setStroke(new BasicStroke(7));
        g.drawLine(8, 12, 40, 30);
        g.dispose();
        return image;
    }

    /** The image in {@code file}, scaled down (keeping its aspect) if a side is longer than {@code maxSide}. */
    static BufferedImage read(Path file, int maxSide) throws IOException {
        BufferedImage read = decode(file);
        double scale = Math.min(1.0, (double) maxSide / Math.max(read.getWidth(), read.getHeight()));
        int width = Math.max(1, (int) Math.round(read.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(read.getHeight() * scale));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(read, 0, 0, width, height, Color.WHITE, null);
        g.dispose();
        return image;
    }

    /** The image in {@code file} as stored; an error that names the file if it is none. */
    private static BufferedImage decode(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("'" + file + "' is not a file");
        }
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("'" + file + "' is not an image ImageIO can read (PNG, JPEG, GIF, BMP)");
        }
        return image;
    }

    /** Accepts a file that holds a readable image. */
    static final class Readable implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path file = Path.of(value);
            try {
                decode(file);
            } catch (IOException e) {
                throw new TypeConversionException(e.getMessage());
            }
            return file;
        }
    }
}
