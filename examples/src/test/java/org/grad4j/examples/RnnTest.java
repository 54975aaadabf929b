package org.grad4j.examples;

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
        Tensor images = Tensor.rand(0, 5, 1, 28, 28);
        assertEquals(5, new Rnn.RowReader(16).forward(Rnn.rows(images)).size(0));
        assertEquals(
                images.select(2, 3).reshape(5, 28).toArray()[7],
                Rnn.rows(images).select(1, 3).toArray()[7]);
    }

    @Test
    void learnsFromAThousandImages(@TempDir Path out) {
        Options o = new Options("rnn", 1, 32, 1e-2);
        Classifier run = Rnn.classifier(o);
        assertTrue(o.parse(new String[] {"--limit", "1000", "--hidden", "32", "--out", out.toString()}));
        Generator.manualSeed(0);
        double accuracy = run.train(new Rnn.RowReader(o.integer("hidden")), EmbeddedSubset.load());
        // Chance is 0.1; this run reaches about 0.47.
        assertTrue(accuracy > 0.3, "test accuracy " + accuracy);
    }
}
