package org.grad4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rnn example in a tiny configuration on the embedded subset. */
class RnnTest {
    @Test
    void readsImagesAsSequencesOfRows() {
        Tensor images = Tensor.rand(new Generator(0), 5, 1, 28, 28);
        assertEquals(5, new Rnn.RowReader(16).forward(Rnn.rows(images)).size(0));
        Tensor rows = Rnn.rows(images);
        assertArrayEquals(new int[] {5, 28, 28}, rows.shape());
        for (int r : new int[] {0, 3, 27}) {
            assertArrayEquals(
                    images.select(2, r).reshape(5, 28).toArray(),
                    rows.select(1, r).toArray(),
                    "step " + r);
        }
    }

    @Test
    void learnsFromAThousandImages(@TempDir Path out) {
        Rnn rnn = Cli.parse(
                new Rnn(),
                "--epochs",
                "1",
                "--batch-size",
                "32",
                "--lr",
                "1e-2",
                "--limit",
                "1000",
                "--hidden",
                "32",
                "--out",
                out.toString());
        Generator.manualSeed(0);
        double accuracy = rnn.classifier().train(new Rnn.RowReader(rnn.hidden), EmbeddedSubset.load());
        // Chance is 0.1; this run reaches about 0.47.
        assertTrue(accuracy > 0.3, "test accuracy " + accuracy);
    }
}
