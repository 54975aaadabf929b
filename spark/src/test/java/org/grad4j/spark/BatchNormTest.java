package org.grad4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.grad4j.nn.BatchNorm1d;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.Sequential;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.optim.SGD;
import org.grad4j.tensor.Generator;
import org.junit.jupiter.api.Test;

/**
 * BatchNorm on Spark: each partition normalizes with its own rows' statistics, and the running
 * statistics become the row-weighted mean of the partitions'.
 */
class BatchNormTest {
    private static final List<Sample> DATA = Fixtures.samples(60, 5);

    private static Module model() {
        return new Sequential(
                new BatchNorm1d(Fixtures.WIDTH), new Linear(Fixtures.WIDTH, Fixtures.CLASSES, true, new Generator(1)));
    }

    private static SparkTrainer oneStep() {
        return SparkTrainer.builder()
                .model(BatchNormTest::model)
                .loss(CrossEntropyLoss::new)
                .optimizer(params -> new SGD(params, 0.1))
                .batchSize(DATA.size())
                .build();
    }

    @Test
    void onOnePartitionItEqualsSingleProcessTraining() {
        Module trained = SparkTrainer.builder()
                .model(BatchNormTest::model)
                .loss(CrossEntropyLoss::new)
                .optimizer(params -> new SGD(params, 0.1))
                .batchSize(16)
                .epochs(3)
                .build()
                .fit(LocalSpark.rdd(DATA, 1))
                .model();
        Module expected = model();
        Fixtures.trainLocally(expected, new CrossEntropyLoss(), new SGD(expected.parameters(), 0.1), DATA, 16, 3, 0);
        Fixtures.assertSameParameters(expected, trained);
        assertArrayEquals(
                expected.namedBuffers().get("0.running_var").toArray(),
                trained.namedBuffers().get("0.running_var").toArray(),
                1e-5f);
    }

    @Test
    void runningStatisticsAreTheRowWeightedMeanOfThePartitions() {
        // Partitions of 20 and 40 rows; one step over all 60.
        List<List<Sample>> parts = List.of(DATA.subList(0, 20), DATA.subList(20, 60));
        Module trained = oneStep()
                .fit(LocalSpark.rdd(parts.get(0), 1).union(LocalSpark.rdd(parts.get(1), 1)))
                .model();
        float[] mean = new float[Fixtures.WIDTH];
        float[] variance = new float[Fixtures.WIDTH];
        for (List<Sample> part : parts) {
            double weight = part.size() / 60.0;
            for (int j = 0; j < Fixtures.WIDTH; j++) {
                double sum = 0;
                double squares = 0;
                for (Sample s : part) {
                    sum += s.features()[j];
                }
                double m = sum / part.size();
                for (Sample s : part) {
                    squares += (s.features()[j] - m) * (s.features()[j] - m);
                }
                // momentum 0.1, from running_mean 0 and running_var 1
                mean[j] += (float) (weight * 0.1 * m);
                variance[j] += (float) (weight * (0.9 + 0.1 * squares / (part.size() - 1)));
            }
        }
        assertArrayEquals(mean, trained.namedBuffers().get("0.running_mean").toArray(), 1e-6f);
        assertArrayEquals(variance, trained.namedBuffers().get("0.running_var").toArray(), 1e-6f);
    }
}
