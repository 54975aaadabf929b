package org.grad4j.spark.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.grad4j.backend.Backend;
import org.grad4j.data.Dataset;
import org.grad4j.examples.FashionData;
import org.grad4j.examples.FashionOptions;
import org.grad4j.examples.Mlp;
import org.grad4j.examples.Ranges;
import org.grad4j.examples.Training;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.optim.Adam;
import org.grad4j.spark.EpochMetrics;
import org.grad4j.spark.Evaluation;
import org.grad4j.spark.GlobalBatches;
import org.grad4j.spark.Sample;
import org.grad4j.spark.SparkTrainer;
import org.grad4j.spark.TrainingMode;
import org.grad4j.spark.TrainingResult;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code mlp} example (784 → 400 → 100 → 10, Adam, standardized pixels) trained data-parallel
 * on Spark: each step's gradient summed over the partitions, so it trains as {@code mlp} does on
 * one machine. Prints each epoch's time split into computing and Spark's own work, and the test
 * accuracy last.
 */
@Command(
        name = "spark-mlp",
        mixinStandardHelpOptions = true,
        description = "Fashion-MNIST's 784-400-100-10 network, trained data-parallel on Apache Spark.")
public final class SparkMlp implements Callable<Integer> {
    @Mixin
    final Training training = new Training("spark-mlp", 3, 128, 1e-3);

    @Mixin
    final FashionOptions fashion = new FashionOptions();

    @Mixin
    final SparkOptions spark = new SparkOptions();

    @Option(
            names = "--local-steps",
            paramLabel = "K",
            converter = Ranges.PositiveInt.class,
            description = "average the partitions' models after K local steps each (local SGD) instead of "
                    + "summing every step's gradients")
    Integer localSteps;

    @Override
    public Integer call() {
        FashionData.Split data = fashion.load();
        List<Sample> train = samples(fashion.limited(data.train()));
        List<Sample> test = samples(data.test());
        int partitions = spark.partitions();
        SparkSession session = spark.start("grad4j spark-mlp");
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(session.sparkContext());
            System.out.printf(
                    Locale.ROOT,
                    "spark-mlp: %,d training images in %d partitions, %,d test images, master %s, executors' backend %s%n",
                    train.size(),
                    partitions,
                    test.size(),
                    spark.master(),
                    sc.parallelize(List.of(0), 1)
                            .map(i -> Backend.current().name())
                            .first());
            long seed = training.seed();
            double lr = training.lr();
            SparkTrainer trainer = SparkTrainer.builder()
                    .model(() -> {
                        Generator.manualSeed(seed);
                        return Mlp.model();
                    })
                    .loss(CrossEntropyLoss::new)
                    .optimizer(params -> new Adam(params, lr))
                    .batchSize(training.batchSize())
                    .epochs(training.epochs())
                    .seed(seed)
                    .mode(localSteps == null ? TrainingMode.sync() : TrainingMode.localSgd(localSteps))
                    .onEpoch(m -> printEpoch(m, train.size()))
                    .build();
            TrainingResult result = trainer.fit(sc.parallelize(train, partitions));
            Evaluation evaluation = trainer.evaluate(result.model(), sc.parallelize(test, partitions));
            writeMetrics(result.epochs(), evaluation);
            System.out.printf(Locale.ROOT, "test loss %.4f%n", evaluation.loss());
            System.out.printf(Locale.ROOT, "test accuracy: %.4f%n", evaluation.accuracy());
            return 0;
        } finally {
            session.stop();
        }
    }

    /** One epoch's line: its loss, throughput, and time per step split into computing and Spark's work. */
    private void printEpoch(EpochMetrics m, int images) {
        int steps = GlobalBatches.count(images, training.batchSize());
        int rounds = localSteps == null ? steps : (steps + localSteps - 1) / localSteps;
        System.out.printf(
                Locale.ROOT,
                "epoch %d/%d: loss %.4f, %,.0f samples/s, %.1f s; per %s %.1f ms = %.1f ms computing + %.1f ms in Spark%n",
                m.epoch(),
                training.epochs(),
                m.loss(),
                m.samplesPerSecond(),
                m.seconds(),
                localSteps == null ? "step" : "round of " + localSteps + " steps",
                1e3 * m.seconds() / rounds,
                1e3 * m.computeSeconds() / rounds,
                1e3 * m.sparkSeconds() / rounds);
    }

    /** The images standardized as {@code mlp} takes them, flattened, with their labels. */
    static List<Sample> samples(Dataset images) {
        List<Sample> samples = new ArrayList<>(images.size());
        for (int first = 0; first < images.size(); first += 1000) {
            int[] rows = IntStream.range(first, Math.min(first + 1000, images.size()))
                    .toArray();
            Tensor[] batch = images.getBatch(rows);
            float[] pixels = FashionData.standardize(batch[0]).toArray();
            float[] labels = batch[1].toArray();
            int width = pixels.length / rows.length;
            for (int i = 0; i < rows.length; i++) {
                float[] x = new float[width];
                System.arraycopy(pixels, i * width, x, 0, width);
                samples.add(new Sample(x, (int) labels[i]));
            }
        }
        return samples;
    }

    private void writeMetrics(List<EpochMetrics> epochs, Evaluation evaluation) {
        StringBuilder csv = new StringBuilder("epoch,loss,seconds,compute_seconds,spark_seconds,samples_per_second\n");
        for (EpochMetrics m : epochs) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%d,%.6f,%.3f,%.3f,%.3f,%.1f%n",
                    m.epoch(),
                    m.loss(),
                    m.seconds(),
                    m.computeSeconds(),
                    m.sparkSeconds(),
                    m.samplesPerSecond()));
        }
        csv.append(String.format(
                Locale.ROOT, "# test loss %.6f, test accuracy %.4f%n", evaluation.loss(), evaluation.accuracy()));
        try {
            Files.createDirectories(training.out());
            Files.writeString(training.out().resolve("metrics.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "spark-mlp: cannot write " + training.out().resolve("metrics.csv"), e);
        }
        System.out.println("wrote metrics.csv to " + training.out() + "/");
    }
}
