package org.grad4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.grad4j.tensor.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The regression (nn_paint) example on small pictures. */
class RegressionTest {
    @TempDir
    Path dir;

    private static Regression regression(String... args) {
        Regression regression = Cli.parse(new Regression(), args);
        Generator.manualSeed(0);
        return regression;
    }

    @Test
    void paintsTheDrawnPictureFarBetterThanItsMeanColour() throws Exception {
        Regression regression =
                regression("--size", "24", "--epochs", "40", "--batch-size", "32", "--out", dir.toString());
        BufferedImage source = regression.source();
        double meanColour = Regression.meanColourLoss(Pixels.colours(source));
        double loss = regression.train(source);
        assertTrue(loss < 0.3 * meanColour, "final loss " + loss + ", mean colour " + meanColour);
        for (String name : new String[] {"original.png", "learned.png"}) {
            BufferedImage written = ImageIO.read(dir.resolve(name).toFile());
            assertEquals(24, written.getWidth(), name);
            assertEquals(24, written.getHeight(), name);
        }
    }

    @Test
    void learnsAnImageFileScaledToTheGivenSize() throws Exception {
        Path file = dir.resolve("wide.png");
        ImageIO.write(SourceImage.drawn(40).getSubimage(0, 0, 40, 20), "png", file.toFile());
        Regression regression =
                regression("--image", file.toString(), "--size", "16", "--epochs", "1", "--out", dir.toString());
        regression.train(regression.source());
        BufferedImage learned = ImageIO.read(dir.resolve("learned.png").toFile());
        assertEquals(16, learned.getWidth());
        assertEquals(8, learned.getHeight());
    }

    @Test
    void pixelsRoundTrip() {
        BufferedImage drawn = SourceImage.drawn(9);
        BufferedImage back = Pixels.image(Pixels.colours(drawn), 9, 9);
        for (int y = 0; y < 9; y++) {
            for (int x = 0; x < 9; x++) {
                assertEquals(drawn.getRGB(x, y), back.getRGB(x, y), "pixel " + x + ", " + y);
            }
        }
        float[] xy = Pixels.coordinates(3, 2).toArray();
        assertEquals(-1f, xy[0]);
        assertEquals(1f, xy[2 * 5]);
        assertEquals(1f, xy[2 * 5 + 1]);
    }
}
