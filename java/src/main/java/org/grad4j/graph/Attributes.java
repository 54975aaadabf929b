package org.grad4j.graph;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The constant arguments of an op node (a dim, a stride, a slope), by name, in the order the op
 * declares them: ints, floats, booleans, strings, int arrays and float arrays. Immutable; two
 * attribute sets are equal when they hold equal values under the same names.
 *
 * <pre>{@code
 * Attributes a = Attributes.of().with("dim", 1).with("keepDim", true);
 * a.getInt("dim");   // 1
 * }</pre>
 */
public final class Attributes {
    private static final Attributes EMPTY = new Attributes(Map.of());

    private final Map<String, Object> values;

    private Attributes(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * No attributes.
     *
     * @return the empty set
     */
    public static Attributes of() {
        return EMPTY;
    }

    private Attributes put(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(name, value);
        return new Attributes(Collections.unmodifiableMap(m));
    }

    /**
     * These attributes and an int.
     *
     * @param name the attribute's name
     * @param value its value
     * @return a new set
     */
    public Attributes with(String name, int value) {
        return put(name, value);
    }

    /**
     * These attributes and a float.
     *
     * @param name the attribute's name
     * @param value its value
     * @return a new set
     */
    public Attributes with(String name, float value) {
        return put(name, value);
    }

    /**
     * These attributes and a boolean.
     *
     * @param name the attribute's name
     * @param value its value
     * @return a new set
     */
    public Attributes with(String name, boolean value) {
        return put(name, value);
    }

    /**
     * These attributes and a string.
     *
     * @param name the attribute's name
     * @param value its value
     * @return a new set
     */
    public Attributes with(String name, String value) {
        return put(name, Objects.requireNonNull(value, name));
    }

    /**
     * These attributes and an int array (copied).
     *
     * @param name the attribute's name
     * @param value its value
     * @return a new set
     */
    public Attributes with(String name, int[] value) {
        return put(name, Objects.requireNonNull(value, name).clone());
    }

    /**
     * These attributes and a float array (copied).
     *
     * @param name the attribute's name
     * @param value its value
     * @return a new set
     */
    public Attributes with(String name, float[] value) {
        return put(name, Objects.requireNonNull(value, name).clone());
    }

    /**
     * Whether an attribute of this name is present.
     *
     * @param name the name
     * @return true if present
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * The attributes' names, in order.
     *
     * @return the names
     */
    public java.util.Set<String> names() {
        return values.keySet();
    }

    private <T> T get(String name, Class<T> type) {
        Object v = values.get(name);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("attribute '" + name + "' "
                    + (v == null
                            ? "is missing"
                            : "is a " + v.getClass().getSimpleName() + ", not a " + type.getSimpleName())
                    + " in {" + this + "}");
        }
        return type.cast(v);
    }

    /**
     * An int attribute.
     *
     * @param name the name
     * @return its value
     * @throws IllegalArgumentException if it is missing or not an int
     */
    public int getInt(String name) {
        return get(name, Integer.class);
    }

    /**
     * A float attribute.
     *
     * @param name the name
     * @return its value
     * @throws IllegalArgumentException if it is missing or not a float
     */
    public float getFloat(String name) {
        return get(name, Float.class);
    }

    /**
     * A boolean attribute.
     *
     * @param name the name
     * @return its value
     * @throws IllegalArgumentException if it is missing or not a boolean
     */
    public boolean getBoolean(String name) {
        return get(name, Boolean.class);
    }

    /**
     * A string attribute.
     *
     * @param name the name
     * @return its value
     * @throws IllegalArgumentException if it is missing or not a string
     */
    public String getString(String name) {
        return get(name, String.class);
    }

    /**
     * An int array attribute.
     *
     * @param name the name
     * @return a copy of its value
     * @throws IllegalArgumentException if it is missing or not an int array
     */
    public int[] getInts(String name) {
        return get(name, int[].class).clone();
    }

    /**
     * A float array attribute.
     *
     * @param name the name
     * @return a copy of its value
     * @throws IllegalArgumentException if it is missing or not a float array
     */
    public float[] getFloats(String name) {
        return get(name, float[].class).clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Attributes a) || !a.values.keySet().equals(values.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!Objects.deepEquals(e.getValue(), a.values.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            int vh = v instanceof int[] ints
                    ? Arrays.hashCode(ints)
                    : v instanceof float[] fs ? Arrays.hashCode(fs) : v.hashCode();
            h += e.getKey().hashCode() ^ vh;
        }
        return h;
    }

    /** {@code dim=1, keepDim=true, sizes=[2, 3]}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            Object v = e.getValue();
            b.append(e.getKey()).append('=');
            b.append(
                    v instanceof int[] ints
                            ? Arrays.toString(ints)
                            : v instanceof float[] fs ? Arrays.toString(fs) : v);
        }
        return b.toString();
    }
}
