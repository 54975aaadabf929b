package org.grad4j.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.grad4j.backend.BackendProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --backend NAME}: the backend an example runs on, one of those that load here. */
public final class BackendOption {
    @Option(
            names = "--backend",
            paramLabel = "NAME",
            converter = Known.class,
            description = "the backend to run on: java or native (default: the best that loads here)")
    private void select(String name) {
        // Read once, by the first Backend.current(), which comes after parsing.
        System.setProperty("grad4j.backend", name);
    }

    /** The names of the backends that load here, found without creating them: java, always present, first. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of("java"));
        for (BackendProvider provider : ServiceLoader.load(BackendProvider.class)) {
            if (!names.contains(provider.name()) && provider.unavailableReason() == null) {
                names.add(provider.name());
            }
        }
        return names;
    }

    /** Accepts the name of a backend that loads here, in any case; else lists those that do. */
    static final class Known implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String name = value.trim().toLowerCase(Locale.ROOT);
            if (!names().contains(name)) {
                throw new TypeConversionException(
                        "'" + value + "' is not a backend that loads here; available: " + String.join(", ", names()));
            }
            return name;
        }
    }
}
