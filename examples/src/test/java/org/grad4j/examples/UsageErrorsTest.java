package org.grad4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A mistake on the command line stops the example before it does any work, with exit status 2, one
 * line on standard error that names the option and the value, and the example's usage after it.
 */
class UsageErrorsTest {
    private static final Set<Class<?>> NUMBERS =
            Set.of(int.class, Integer.class, long.class, Long.class, double.class, Double.class);

    /** Runs {@code args}, checks the form of a usage error and returns its one-line message. */
    private static String usageError(String... args) {
        Cli.Run run = Cli.run(args);
        assertEquals(2, run.status(), "exit status of " + List.of(args) + "\n" + run.err());
        List<String> lines = run.err().lines().toList();
        assertTrue(lines.size() > 1 && lines.get(1).startsWith("Usage: "), "message, then usage:\n" + run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), "no stack trace:\n" + run.err());
        assertEquals("", run.out(), "nothing ran");
        return lines.get(0);
    }

    @ParameterizedTest
    @CsvSource({
        "mlp, --epochs, 0",
        "mlp, --epochs, -1",
        "mlp, --batch-size, 0",
        "mlp, --lr, 0",
        "mlp, --lr, -1e-3",
        "mlp, --lr, NaN",
        "mlp, --limit, 0",
        "cnn, --epochs, 0",
        "rnn, --hidden, 0",
        "kotlin-mlp, --batch-size, -5",
        "regression, --size, 0",
        "regression, --hidden, 0",
        "autoencoder, --noise, -0.1",
        "gan, --width, 1",
        "gan, --latent, 0",
        "dqn, --episodes, 0",
        "dqn, --gamma, 1.5",
        "dqn, --epsilon-end, 2",
        "dqn, --warmup, -1",
        "dqn, --max-steps, 0",
        "spiral, --epochs, 0",
        "spiral, --lr, 0",
        "gemm, --sizes, 0",
        "gemm, --seconds, 0",
        "leakcheck, --steps, 0",
        "leakcheck, --every, 0",
        "leakcheck, --max-growth, -1"
    })
    void outOfRangeValuesAreRejected(String example, String option, String value) {
        String message = usageError(example, option, value);
        assertTrue(message.startsWith(example + ": Invalid value for option '" + option + "'"), message);
        assertTrue(message.contains(": '" + value + "' is not "), message);
    }

    @Test
    void everyNumericOptionOfEveryExampleRejectsTextAndAllButTheSeedRejectNegatives() {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, CommandLine> example :
                new CommandLine(new Main()).getSubcommands().entrySet()) {
            for (OptionSpec option : example.getValue().getCommandSpec().options()) {
                Class<?> type = option.isMultiValue() ? option.auxiliaryTypes()[0] : option.type();
                if (!NUMBERS.contains(type)) {
                    continue;
                }
                List<String> values = option.longestName().equals("--seed") ? List.of("abc") : List.of("abc", "-1");
                for (String value : values) {
                    String message = parseError(example.getKey(), option.longestName(), value);
                    assertTrue(
                            message.contains("'" + option.longestName() + "'") && message.contains("'" + value + "'"),
                            message);
                }
                checked.add(example.getKey() + " " + option.longestName());
            }
        }
        assertTrue(checked.size() > 40, checked.toString());
    }

    private static String parseError(String... args) {
        try {
            new CommandLine(new Main()).parseArgs(args);
        } catch (ParameterException e) {
            return e.getMessage();
        }
        throw new AssertionError(List.of(args) + " was accepted");
    }

    @Test
    void aValueThatIsNoNumberIsOneLineNotAStackTrace() {
        assertEquals(
                "mlp: Invalid value for option '--lr': 'abc' is not a number > 0", usageError("mlp", "--lr", "abc"));
        assertEquals(
                "spiral: Invalid value for option '--epochs': '1.5' is not an integer >= 1",
                usageError("spiral", "--epochs", "1.5"));
    }

    @Test
    void aMissingImageIsNamed() {
        assertEquals(
                "regression: Invalid value for option '--image': '/nonexistent.png' is not a file",
                usageError("regression", "--image", "/nonexistent.png"));
    }

    @Test
    void anUnknownOptionIsNamedWithTheOneMeant() {
        String message = usageError("mlp", "--epoch", "3");
        assertTrue(message.startsWith("mlp: Unknown options: '--epoch', '3'"), message);
        assertTrue(message.endsWith("did you mean --epochs?"), message);
    }

    @Test
    void anUnknownBackendNamesTheOptionAndTheAvailableBackends() {
        String message = usageError("mlp", "--backend", "cuda");
        assertTrue(
                message.startsWith("mlp: Invalid value for option '--backend': 'cuda' is not a backend that loads"
                        + " here; available: "),
                message);
        assertTrue(message.contains("java"), message);
    }

    @Test
    void anUnknownExampleIsNamed() {
        assertEquals("unknown example 'mpl'", usageError("mpl"));
    }

    @Test
    void warmupMustEndBeforeTheSteps() {
        assertEquals(
                "leakcheck: Invalid value for option '--warmup': '300' is not less than --steps 300",
                usageError("leakcheck", "--steps", "300", "--warmup", "300", "--synthetic", "64"));
    }
}
