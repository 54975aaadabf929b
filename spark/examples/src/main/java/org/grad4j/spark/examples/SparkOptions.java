package org.grad4j.spark.examples;

import org.apache.spark.sql.SparkSession;
import org.grad4j.examples.Ranges;
import picocli.CommandLine.Option;

/** The Spark examples' common options: where to run, and on how many partitions. */
public final class SparkOptions {
    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "Spark master (default: spark-submit's, else local[2])")
    private String master;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "partitions, one task each (default: ${DEFAULT-VALUE})")
    private int partitions = 2;

    /**
     * The master given, else the one spark-submit set, else local[2].
     *
     * @return a master URL
     */
    public String master() {
        return master != null ? master : System.getProperty("spark.master", "local[2]");
    }

    /**
     * The partitions to split data into.
     *
     * @return at least 1
     */
    public int partitions() {
        return partitions;
    }

    /**
     * A session on {@link #master()} that logs warnings and errors only.
     *
     * @param appName the application's name
     * @return the session, to stop when done
     */
    public SparkSession start(String appName) {
        SparkSession session =
                SparkSession.builder().appName(appName).master(master()).getOrCreate();
        session.sparkContext().setLogLevel("WARN");
        return session;
    }
}
