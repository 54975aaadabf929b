package org.grad4j.spark.examples;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.grad4j.examples.Ranges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What Spark itself costs per synchronous training step, in three parts measured apart: running a
 * job of one task per partition, broadcasting the parameters, and bringing each partition's
 * gradient back to be summed. The model of {@code docs/spark.md} is made of these parts.
 */
@Command(
        name = "spark-overhead",
        mixinStandardHelpOptions = true,
        description = "Spark's per-step costs: a job, a broadcast of the parameters, the partitions' gradients.")
public final class SparkOverhead implements Callable<Integer> {
    @Mixin
    final SparkOptions spark = new SparkOptions();

    @Option(
            names = "--parameters",
            paramLabel = "P",
            converter = Ranges.PositiveInt.class,
            description = "floats broadcast and returned per step (default: ${DEFAULT-VALUE}, the MLP's)")
    int parameters = 355_110;

    @Option(
            names = "--steps",
            paramLabel = "S",
            converter = Ranges.PositiveInt.class,
            description = "steps timed per part, after as many to warm up (default: ${DEFAULT-VALUE})")
    int steps = 100;

    @Override
    public Integer call() {
        int partitions = spark.partitions();
        SparkSession session = spark.start("grad4j spark-overhead");
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(session.sparkContext());
            JavaRDD<Integer> tasks = sc.parallelize(
                            IntStream.range(0, partitions).boxed().toList(), partitions)
                    .cache();
            tasks.count();
            int p = parameters;
            float[] values = new float[p];
            Runnable job = () -> tasks.treeAggregate(0, (a, b) -> a + b, Integer::sum, 2);
            Runnable broadcast = () -> {
                Broadcast<float[]> b = sc.broadcast(values);
                tasks.treeAggregate(0, (a, x) -> a + b.value().length, Integer::sum, 2);
                b.destroy();
            };
            Runnable gradients =
                    () -> tasks.<Object>treeAggregate(new double[0], (a, x) -> new float[p], SparkOverhead::add, 2);
            double[] ms = time(job, broadcast, gradients);
            System.out.printf(
                    Locale.ROOT,
                    "spark-overhead: master %s, %d partitions, %,d parameters, %d steps%n",
                    spark.master(),
                    partitions,
                    p,
                    steps);
            System.out.printf(Locale.ROOT, "job: %.2f ms%n", ms[0]);
            System.out.printf(Locale.ROOT, "broadcast: %.2f ms%n", ms[1] - ms[0]);
            System.out.printf(Locale.ROOT, "gradients: %.2f ms%n", ms[2] - ms[0]);
            return 0;
        } finally {
            session.stop();
        }
    }

    /** Sums as the trainer does: a task sends its partition's floats, which add into doubles. */
    private static Object add(Object sum, Object part) {
        double[] total = (double[]) sum;
        if (part instanceof float[] f) {
            double[] out = total.length == 0 ? new double[f.length] : total;
            for (int i = 0; i < f.length; i++) {
                out[i] += f[i];
            }
            return out;
        }
        double[] d = (double[]) part;
        if (total.length == 0) {
            return d;
        }
        for (int i = 0; i < d.length; i++) {
            total[i] += d[i];
        }
        return total;
    }

    /**
     * Milliseconds per call of each part: the medians of {@code steps} rounds that call each part once,
     * after as many rounds to warm up; rounds alternate the parts, so that a machine's drift touches
     * all of them alike.
     */
    private double[] time(Runnable... parts) {
        double[][] ms = new double[parts.length][steps];
        for (int round = -steps; round < steps; round++) {
            for (int k = 0; k < parts.length; k++) {
                long start = System.nanoTime();
                parts[k].run();
                if (round >= 0) {
                    ms[k][round] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        double[] medians = new double[parts.length];
        for (int k = 0; k < parts.length; k++) {
            Arrays.sort(ms[k]);
            medians[k] = ms[k][steps / 2];
        }
        return medians;
    }
}
