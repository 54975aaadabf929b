package org.grad4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolingTest {
    @Test
    void theCommonOptionsParseOverTheExamplesDefaults() {
        Training o = Cli.parse(new Mlp(), "--epochs", "2", "--lr", "0.01", "--out", "x").training;
        assertEquals(2, o.epochs());
        assertEquals(128, o.batchSize());
        assertEquals(0.01f, o.lr());
        assertEquals(0, o.seed());
        assertEquals(Path.of("x"), o.out());
        Training cnn = new Cnn().training;
        assertEquals(3, cnn.epochs());
        assertEquals(64, cnn.batchSize());
        assertEquals(Path.of("out", "cnn"), cnn.out());
    }

    @Test
    void imageGridWritesAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("grid.png");
        ImageGrid.write(Tensor.rand(new Generator(0), 5, 1, 4, 3), 3, 2, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(3 * (3 * 2 + 2) + 2, img.getWidth());
        assertEquals(2 * (4 * 2 + 2) + 2, img.getHeight());
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.write(Tensor.zeros(2, 2, 4, 4), 2, 1, png));
    }

    @Test
    void metricsGoToCsvAndPng(@TempDir Path dir) throws Exception {
        MetricsLog log = new MetricsLog(dir, "train_loss", "test_loss", "test_accuracy");
        log.add(1, 0.9, 0.8, 0.7);
        log.add(2, 0.5, 0.6, 0.8);
        assertEquals(
                List.of(
                        "epoch,train_loss,test_loss,test_accuracy",
                        "1,0.900000,0.800000,0.700000",
                        "2,0.500000,0.600000,0.800000"),
                Files.readAllLines(log.csv()));
        Path png = log.plot("loss", "loss per epoch");
        assertTrue(ImageIO.read(png.toFile()).getWidth() == 800);
        assertThrows(IllegalArgumentException.class, () -> log.add(3, 1.0));
    }
}
