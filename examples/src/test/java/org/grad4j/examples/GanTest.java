package org.grad4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.grad4j.nn.ConvTranspose2d;
import org.grad4j.nn.Module;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gan example for a few steps on the embedded subset, with narrow networks. */
class GanTest {
    @TempDir
    Path dir;

    @Test
    void aFewStepsTrainTheGeneratorAndDrawItsSamples() throws Exception {
        GanTrainer gan = new GanTrainer(Cli.parse(
                new Gan(),
                "--epochs",
                "1",
                "--limit",
                "192",
                "--batch-size",
                "64",
                "--width",
                "16",
                "--out",
                dir.toString()));
        Tensor before = gan.samples();
        List<Tensor> weights = new ArrayList<>();
        for (Module m : gan.generator().modules()) {
            if (m instanceof ConvTranspose2d c) {
                weights.add(c.weight.clone());
            }
        }

        GanTrainer.Losses losses = gan.train(EmbeddedSubset.load());

        assertTrue(Double.isFinite(losses.discriminator()) && losses.discriminator() > 0, "D loss " + losses);
        assertTrue(Double.isFinite(losses.generator()) && losses.generator() > 0, "G loss " + losses);
        Tensor after = gan.samples();
        assertArrayEquals(new int[] {GanTrainer.SAMPLES, 1, 28, 28}, after.shape());
        float change = after.sub(before).abs().max().item();
        assertTrue(change > 1e-3f, "the samples moved by at most " + change);
        int i = 0;
        for (Module m : gan.generator().modules()) {
            if (m instanceof ConvTranspose2d c) {
                float moved = c.weight.sub(weights.get(i++)).abs().max().item();
                assertTrue(moved > 0, "the generator's optimizer left a ConvTranspose2d weight as it was");
            }
        }
        BufferedImage png = ImageIO.read(dir.resolve("samples-epoch-1.png").toFile());
        int side = 8 * (28 * 2 + 2) + 2;
        assertEquals(side, png.getWidth());
        assertEquals(side, png.getHeight());
        assertEquals(
                "epoch,D loss,G loss",
                Files.readAllLines(dir.resolve("metrics.csv")).get(0));
        assertTrue(Files.exists(dir.resolve("loss.png")));
    }
}
