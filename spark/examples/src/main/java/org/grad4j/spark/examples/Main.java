package org.grad4j.spark.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The Spark examples: {@code java -jar grad4j-spark-examples.jar <example> [options]}. */
@Command(
        name = "java -jar grad4j-spark-examples.jar",
        mixinStandardHelpOptions = true,
        subcommands = {SparkMlp.class, SparkOverhead.class},
        description = "grad4j's Spark examples; each runs on local[2] unless given --master.")
public final class Main implements Runnable {
    private Main() {}

    /**
     * Runs the example the command line names.
     *
     * @param args the example's name and its options; {@code --help} lists them
     */
    public static void main(String[] args) {
        // The one item of Spark's launcher list that is a system property rather than a module flag.
        System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
