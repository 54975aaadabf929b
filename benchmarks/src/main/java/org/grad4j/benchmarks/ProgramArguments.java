package org.grad4j.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a benchmark program: {@code --name value} options with defaults, and
 * {@code --table}, which prints the table alone (as {@link Report} quotes it).
 */
final class ProgramArguments {
    private final Map<String, String> values = new HashMap<>();
    private boolean tableOnly;

    /**
     * Parses {@code args} against the options' defaults ({@code "--rounds" -> "5"}); an unknown
     * option or a missing value is an exception naming the program and listing the options.
     */
    ProgramArguments(String program, String[] args, Map<String, String> defaults) {
        values.putAll(defaults);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--table")) {
                tableOnly = true;
            } else if (!defaults.containsKey(option) || i + 1 >= args.length) {
                throw new IllegalArgumentException(program + ": " + option
                        + (defaults.containsKey(option) ? " needs a value" : " is not an option")
                        + "; have " + List.copyOf(defaults.keySet()) + " and --table");
            } else {
                values.put(option, args[++i]);
            }
        }
    }

    int integer(String option) {
        return Integer.parseInt(values.get(option));
    }

    String text(String option) {
        return values.get(option);
    }

    boolean tableOnly() {
        return tableOnly;
    }
}
