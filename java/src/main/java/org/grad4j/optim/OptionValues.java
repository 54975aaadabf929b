package org.grad4j.optim;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An options record as text and back, for state dicts: each component under PyTorch's snake_case
 * name ({@code weightDecay} is {@code weight_decay}), doubles in their exact decimal form.
 */
final class OptionValues {
    private OptionValues() {}

    static Map<String, String> encode(OptimizerOptions options) {
        Map<String, String> values = new LinkedHashMap<>();
        for (RecordComponent c : options.getClass().getRecordComponents()) {
            values.put(snakeCase(c.getName()), String.valueOf(read(c, options)));
        }
        return values;
    }

    /** The record of {@code type} that {@code values} describe; every component must be given. */
    static OptimizerOptions decode(String who, Class<? extends OptimizerOptions> type, Map<String, String> values) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = snakeCase(components[i].getName());
            String text = values.get(name);
            if (text == null) {
                throw new IllegalArgumentException(who + ": the saved state has no option '" + name + "'");
            }
            types[i] = components[i].getType();
            args[i] = parse(who, name, text, types[i]);
        }
        try {
            Constructor<? extends OptimizerOptions> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(who + ": cannot build " + type.getName(), e);
        }
    }

    private static Object parse(String who, String name, String text, Class<?> type) {
        if (type == boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException(
                        who + ": option '" + name + "' must be true or false, got '" + text + "'");
            }
            return Boolean.parseBoolean(text);
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(who + ": option '" + name + "' is not a number: '" + text + "'");
        }
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
