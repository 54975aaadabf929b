package org.grad4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.grad4j.tensor.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The denoising autoencoder example in a tiny configuration on the embedded subset. */
class AutoencoderTest {
    @Test
    void reconstructsCloserToTheOriginalsThanTheNoisyInputs(@TempDir Path out) throws Exception {
        Autoencoder autoencoder = Cli.parse(
                new Autoencoder(),
                "--limit",
                "1000",
                "--epochs",
                "2",
                "--batch-size",
                "32",
                "--lr",
                "3e-3",
                "--out",
                out.toString());
        Generator.manualSeed(0);
        Autoencoder.Result result = autoencoder.train(EmbeddedSubset.load());
        // About 0.048 against 0.085 for the noisy inputs.
        assertTrue(result.testLoss() < 0.75 * result.noisyLoss(), result.toString());
        BufferedImage grid = ImageIO.read(out.resolve("reconstructions.png").toFile());
        int cell = 28 * 2 + 2;
        assertEquals(Autoencoder.SHOWN * cell + 2, grid.getWidth());
        assertEquals(3 * cell + 2, grid.getHeight());
    }
}
