package org.grad4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code <example> --help} lists the example's own options, each once, each with one default. */
class HelpTest {
    private static final Pattern OPTION = Pattern.compile("^ {2}(?:-\\w, | {4})(--[\\w-]+)(.*)$");

    /** The option entries of a help text, by name: the option's line and its continuation lines. */
    private static Map<String, String> entries(String help) {
        Map<String, String> entries = new LinkedHashMap<>();
        String current = null;
        for (String line : help.lines().toList()) {
            Matcher m = OPTION.matcher(line);
            if (m.matches()) {
                current = m.group(1);
                assertFalse(entries.containsKey(current), current + " is listed twice:\n" + help);
                entries.put(current, m.group(2));
            } else if (current != null && line.startsWith("      ")) {
                entries.put(current, entries.get(current) + " " + line.trim());
            } else {
                current = null;
            }
        }
        return entries;
    }

    @Test
    void everyExampleListsItsOwnOptionsOnceWithOneDefaultEach() {
        Map<String, CommandLine> examples = new CommandLine(new Main()).getSubcommands();
        for (String example : examples.keySet()) {
            Cli.Run run = Cli.run(example, "--help");
            assertEquals(0, run.status(), run.err());
            Map<String, String> entries = entries(run.out());
            List<String> declared = new ArrayList<>();
            for (OptionSpec option : examples.get(example).getCommandSpec().options()) {
                declared.add(option.longestName());
                String entry = entries.get(option.longestName());
                int defaults = entry == null ? -1 : entry.split("\\(default: ", -1).length - 1;
                int expected = option.arity().max() > 0 ? 1 : 0;
                assertEquals(expected, defaults, example + " " + option.longestName() + ": " + entry);
            }
            assertEquals(declared, List.copyOf(entries.keySet()), example + " --help:\n" + run.out());
        }
    }

    @Test
    void regressionListsNoDatasetOptions() {
        String help = Cli.run("regression", "--help").out();
        assertFalse(help.contains("--data") || help.contains("--limit"), help);
        assertTrue(help.contains("--image FILE") || help.contains("--image=FILE"), help);
    }

    @Test
    void withoutAnExampleItListsThemAll() {
        Cli.Run run = Cli.run();
        assertEquals(0, run.status(), run.err());
        for (String example : new CommandLine(new Main()).getSubcommands().keySet()) {
            assertTrue(run.out().contains("\n  " + example + " "), example + " missing from\n" + run.out());
        }
    }

    @Test
    void versionNamesTheExamplesAndTheBackends() {
        Cli.Run run = Cli.run("--version");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("grad4j-examples "), run.out());
        assertTrue(run.out().contains("backends: java") || run.out().contains(", java"), run.out());
    }
}
