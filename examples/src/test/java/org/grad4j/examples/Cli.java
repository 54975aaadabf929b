package org.grad4j.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the examples' command line in this JVM: parses into a command, or runs Main capturing its output. */
final class Cli {
    /** What a run printed and its exit status. */
    record Run(int status, String out, String err) {
        /** The first line of standard error: the message of a usage error. */
        String firstErrorLine() {
            return err.lines().findFirst().orElse("");
        }
    }

    private Cli() {}

    /** {@code command} with {@code args} parsed into its options, as the command line would. */
    static <T> T parse(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }

    /** Runs {@code java -jar grad4j-examples.jar args...} here, with System.out and System.err captured. */
    static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            System.out.flush();
            System.err.flush();
            return new Run(
                    status, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
