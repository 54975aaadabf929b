package org.grad4j.examples;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The options every example takes: {@code --epochs --batch-size --lr --seed --backend --data --out},
 * plus example-specific ones declared by the example; {@code --help} prints them.
 */
public final class Options {
    private final String example;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> help = new LinkedHashMap<>();

    /** Declares the common options with an example's defaults for epochs, batch size and learning rate. */
    public Options(String example, int epochs, int batchSize, double lr) {
        this.example = example;
        declare("epochs", Integer.toString(epochs), "passes over the training data");
        declare("batch-size", Integer.toString(batchSize), "examples per step");
        declare("lr", Double.toString(lr), "learning rate");
        declare("seed", "0", "random seed: the same seed gives the same run");
        declare("backend", "", "java or native (default: the best available)");
        declare("data", "", "directory holding the dataset files (default: cache, /usr/share/datasets, download)");
        declare("out", "out/" + example, "directory for metrics CSV and PNG plots");
    }

    /** Declares an example-specific option. */
    public Options declare(String name, String defaultValue, String description) {
        values.put(name, defaultValue);
        help.put(name, description);
        return this;
    }

    /** Parses {@code --name value} pairs; returns false (after printing usage) for {@code --help}. */
    public boolean parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(usage());
                return false;
            }
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            if (name == null || !values.containsKey(name)) {
                throw new IllegalArgumentException(example + ": unknown option '" + arg + "'\n" + usage());
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(example + ": option --" + name + " needs a value");
            }
            values.put(name, args[++i]);
        }
        String backend = string("backend");
        if (!backend.isEmpty()) {
            System.setProperty("grad4j.backend", backend.toLowerCase(Locale.ROOT));
        }
        return true;
    }

    public String usage() {
        StringBuilder sb = new StringBuilder("usage: java -jar grad4j-examples.jar " + example + " [options]\n");
        help.forEach((name, text) -> sb.append(String.format(
                Locale.ROOT,
                "  --%-12s %s (default: %s)%n",
                name,
                text,
                values.get(name).isEmpty() ? "none" : values.get(name))));
        return sb.toString();
    }

    public String string(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException(example + ": no option --" + name);
        }
        return values.get(name);
    }

    public int integer(String name) {
        try {
            return Integer.parseInt(string(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    example + ": --" + name + " must be an integer, got '" + string(name) + "'");
        }
    }

    public double number(String name) {
        try {
            return Double.parseDouble(string(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    example + ": --" + name + " must be a number, got '" + string(name) + "'");
        }
    }

    public int epochs() {
        return integer("epochs");
    }

    public int batchSize() {
        return integer("batch-size");
    }

    public float lr() {
        return (float) number("lr");
    }

    public long seed() {
        return Long.parseLong(string("seed"));
    }

    /** The user's data directory, or null. */
    public Path data() {
        return string("data").isEmpty() ? null : Path.of(string("data"));
    }

    public Path out() {
        return Path.of(string("out"));
    }
}
