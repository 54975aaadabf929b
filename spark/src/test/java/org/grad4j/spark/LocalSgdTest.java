package org.grad4j.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.grad4j.nn.Module;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.optim.Adam;
import org.junit.jupiter.api.Test;

class LocalSgdTest {
    private static final List<Sample> DATA = Fixtures.samples(300, 6);

    @Test
    void onOnePartitionItEqualsSingleProcessTraining() {
        // Local steps on the only partition are the global steps, and averaging one state keeps it.
        TrainingResult result = Fixtures.trainer()
                .mode(TrainingMode.localSgd(4))
                .epochs(3)
                .build()
                .fit(LocalSpark.rdd(DATA, 1));
        Module expected = Fixtures.mlp();
        Fixtures.trainLocally(expected, new CrossEntropyLoss(), new Adam(expected.parameters(), 1e-2), DATA, 32, 3, 3);
        Fixtures.assertSameParameters(expected, result.model());
    }

    @Test
    void onTwoPartitionsItTrainsButDiffersFromSynchronousTraining() {
        TrainingResult local = Fixtures.trainer()
                .mode(TrainingMode.localSgd(4))
                .epochs(5)
                .build()
                .fit(LocalSpark.rdd(DATA, 2));
        TrainingResult sync = Fixtures.trainer().epochs(5).build().fit(LocalSpark.rdd(DATA, 2));
        List<EpochMetrics> epochs = local.epochs();
        assertTrue(epochs.get(4).loss() < 0.8 * epochs.get(0).loss(), epochs.toString());
        float[] a = local.model().parameters().get(0).toArray();
        float[] b = sync.model().parameters().get(0).toArray();
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        assertTrue(diff > 1e-3, "local SGD matched synchronous training: " + diff);
    }
}
