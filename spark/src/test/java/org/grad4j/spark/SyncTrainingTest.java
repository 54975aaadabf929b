package org.grad4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.grad4j.backend.Threads;
import org.grad4j.nn.Module;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.optim.Adam;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SyncTrainingTest {
    private static final List<Sample> DATA = Fixtures.samples(300, 1);

    private static Module single(int epochs) {
        Module model = Fixtures.mlp();
        return Fixtures.trainLocally(
                model, new CrossEntropyLoss(), new Adam(model.parameters(), 1e-2), DATA, 32, epochs, 3);
    }

    @Test
    void fiftyAdamStepsOnTwoPartitionsEqualSingleProcessTraining() {
        // 300 rows in batches of 32: 10 steps an epoch.
        TrainingResult result = Fixtures.trainer().epochs(5).build().fit(LocalSpark.rdd(DATA, 2));
        Fixtures.assertSameParameters(single(5), result.model());
        assertEquals(5, result.epochs().size());
        for (EpochMetrics m : result.epochs()) {
            assertEquals(300, m.samples());
            assertTrue(m.seconds() > 0 && m.computeSeconds() > 0 && m.computeSeconds() <= m.seconds(), m.toString());
        }
        assertTrue(
                result.epochs().get(4).loss() < result.epochs().get(0).loss(),
                result.epochs().toString());
    }

    @Test
    void eachEpochReachesTheListenerAndTheDriversThreadCountIsKept() {
        int before = Threads.get();
        Threads.set(3);
        try {
            List<EpochMetrics> seen = new ArrayList<>();
            TrainingResult result = Fixtures.trainer()
                    .epochs(2)
                    .threadsPerTask(1)
                    .onEpoch(seen::add)
                    .build()
                    .fit(LocalSpark.rdd(DATA, 2));
            assertEquals(result.epochs(), seen);
            assertEquals(3, Threads.get());
        } finally {
            Threads.set(before);
        }
    }

    @Test
    void partitionsWithoutRowsChangeNothing() {
        List<Sample> few = DATA.subList(0, 5);
        TrainingResult result =
                Fixtures.trainer().batchSize(2).epochs(2).build().fit(LocalSpark.rdd(few, 8));
        Module model = Fixtures.mlp();
        Fixtures.trainLocally(model, new CrossEntropyLoss(), new Adam(model.parameters(), 1e-2), few, 2, 2, 3);
        Fixtures.assertSameParameters(model, result.model());
    }

    @Test
    void aRetriedTaskGivesTheSameParameters() throws InterruptedException {
        try (FailedTasks failures = FailedTasks.listen(LocalSpark.session().sparkContext())) {
            trainWithFailures(failures);
        }
    }

    private static void trainWithFailures(FailedTasks failures) throws InterruptedException {
        TrainingResult failed = SparkTrainer.builder()
                .model(() -> FailOnce.wrap(Fixtures.mlp()))
                .loss(CrossEntropyLoss::new)
                .optimizer(params -> new Adam(params, 1e-2))
                .batchSize(32)
                .seed(3)
                .epochs(2)
                .build()
                .fit(LocalSpark.rdd(DATA, 2));
        assertTrue(failures.awaitSome() > 0, "no task failed");
        Module expected = FailOnce.wrap(Fixtures.mlp());
        Fixtures.trainLocally(expected, new CrossEntropyLoss(), new Adam(expected.parameters(), 1e-2), DATA, 32, 2, 3);
        Fixtures.assertSameParameters(expected, failed.model());
    }

    @Test
    void evaluationEqualsSingleProcessEvaluation() {
        SparkTrainer trainer = Fixtures.trainer().epochs(2).build();
        Module model = trainer.fit(LocalSpark.rdd(DATA, 2)).model();
        Evaluation evaluation = trainer.evaluate(model, LocalSpark.rdd(DATA, 3));
        int[] all = new int[DATA.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        model.eval();
        Tensor logits = model.forward(Fixtures.features(DATA, all));
        Tensor labels = Fixtures.labels(DATA, all);
        float loss = new CrossEntropyLoss().forward(logits, labels).item();
        double accuracy = (double) logits.argmax(1).eq(labels).sum().item() / all.length;
        assertEquals(300, evaluation.samples());
        assertEquals(loss, evaluation.loss(), 1e-5);
        assertEquals(accuracy, evaluation.accuracy(), 1e-9);
        assertTrue(accuracy > 0.6, "accuracy " + accuracy);
    }
}
