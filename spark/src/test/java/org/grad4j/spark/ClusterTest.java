package org.grad4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.grad4j.backend.Backend;
import org.grad4j.nn.Module;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.optim.Adam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training with executors in JVMs of their own (a local-cluster master: a master and two workers
 * in this JVM, each worker starting one executor process), so that the recipes, the blocks and
 * the sums are serialized, grad4j's classes loaded by the executors, and the native backend loaded
 * there from the platform jar.
 */
class ClusterTest {
    private static final List<Sample> DATA = Fixtures.samples(200, 8);

    @Test
    void executorJvmsTrainAsOneProcessDoesAndSurviveFailedTasks(@TempDir Path dir) throws Exception {
        LocalSpark.stop();
        SparkHome home = SparkHome.assemble(dir);
        System.setProperty("spark.testing", "true");
        System.setProperty("spark.test.home", home.home.toString());
        SparkSession session = SparkSession.builder()
                .master("local-cluster[2,1,1024]")
                .appName("grad4j-spark-cluster-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.executor.extraClassPath", home.folders)
                .config("spark.task.maxFailures", "2")
                .getOrCreate();
        try (FailedTasks failures = FailedTasks.listen(session.sparkContext())) {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(session.sparkContext());
            JavaRDD<Sample> rdd = sc.parallelize(DATA, 2);

            Set<String> executors = new TreeSet<>(rdd.mapPartitions(part -> List.of(ProcessHandle.current()
                                            .pid() + " " + Backend.current().name())
                            .iterator())
                    .collect());
            assertEquals(2, executors.size(), "expected two executor processes: " + executors);
            for (String executor : executors) {
                assertFalse(executor.startsWith(ProcessHandle.current().pid() + " "), "a task ran in the driver");
                assertTrue(executor.endsWith(" native"), "an executor did not load the native backend: " + executors);
            }

            TrainingResult plain = Fixtures.trainer().epochs(3).build().fit(rdd);
            TrainingResult failing = SparkTrainer.builder()
                    .model(() -> FailOnce.wrap(Fixtures.mlp()))
                    .loss(CrossEntropyLoss::new)
                    .optimizer(params -> new Adam(params, 1e-2))
                    .batchSize(32)
                    .seed(3)
                    .epochs(3)
                    .build()
                    .fit(rdd);
            assertTrue(failures.awaitSome() > 0, "no task failed");

            Module expected = Fixtures.mlp();
            Fixtures.trainLocally(
                    expected, new CrossEntropyLoss(), new Adam(expected.parameters(), 1e-2), DATA, 32, 3, 3);
            Fixtures.assertSameParameters(expected, plain.model());
            for (int i = 0; i < expected.parameters().size(); i++) {
                assertArrayEquals(
                        plain.model().parameters().get(i).toArray(),
                        failing.model().parameters().get(i).toArray(),
                        "parameter " + i + " differs after retried tasks");
            }
        } finally {
            session.stop();
            System.clearProperty("spark.testing");
            System.clearProperty("spark.test.home");
        }
    }
}
