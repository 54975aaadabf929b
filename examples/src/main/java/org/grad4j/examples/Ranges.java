package org.grad4j.examples;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for the numeric options: each parses its value and rejects one out of its range
 * with a message that names the value and the range, e.g. {@code '0' is not an integer >= 1};
 * picocli puts the option's name in front of it.
 */
public final class Ranges {
    private Ranges() {}

    /** A count or a size: an integer >= 1. */
    public static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return integer(value, 1);
        }
    }

    /** An integer >= 0. */
    public static final class NonNegativeInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return integer(value, 0);
        }
    }

    /** A finite number > 0, such as a learning rate. */
    public static final class PositiveReal implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return real(value, "> 0", x -> x > 0);
        }
    }

    /** A finite number >= 0. */
    public static final class NonNegativeReal implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return real(value, ">= 0", x -> x >= 0);
        }
    }

    /** A number in [0, 1], such as a probability or a discount factor. */
    public static final class UnitInterval implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return real(value, "in [0, 1]", x -> x >= 0 && x <= 1);
        }
    }

    /** {@code value} as an integer of at least {@code min}; else a conversion error naming both. */
    public static int integer(String value, int min) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new TypeConversionException("'" + value + "' is not an integer >= " + min);
    }

    private static double real(String value, String range, java.util.function.DoublePredicate inRange) {
        try {
            double parsed = Double.parseDouble(value.trim());
            if (Double.isFinite(parsed) && inRange.test(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new TypeConversionException("'" + value + "' is not a number " + range);
    }
}
