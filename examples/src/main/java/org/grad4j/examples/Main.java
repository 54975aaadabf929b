package org.grad4j.examples;

import org.grad4j.examples.kotlin.KotlinMlp;
import org.grad4j.examples.rl.Dqn;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code java -jar grad4j-examples.jar <example> [options]}: runs one example program. */
@Command(
        name = "java -jar grad4j-examples.jar",
        synopsisSubcommandLabel = "<example>",
        commandListHeading = "%nExamples (<example> --help lists an example's options):%n",
        subcommands = {
            Mlp.class,
            Cnn.class,
            Rnn.class,
            Regression.class,
            Autoencoder.class,
            Gan.class,
            Dqn.class,
            KotlinMlp.class,
            Spiral.class,
            GemmReport.class,
            GraphDump.class,
            OnnxRoundTrip.class,
            OnnxRun.class,
            OnnxFinetune.class,
            LeakCheck.class
        },
        // What the examples inherit: --help and --version, options listed as declared.
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        abbreviateSynopsis = true)
public final class Main implements Runnable {
    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%n");
        }
        System.exit(run(args));
    }

    /** Runs the example {@code args} name and returns the exit status: 0, 1 for a failed run, 2 for a usage error. */
    static int run(String... args) {
        Errors errors = new Errors();
        return new CommandLine(new Main())
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors)
                .execute(args);
    }

    /** No example named: the list of them. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
