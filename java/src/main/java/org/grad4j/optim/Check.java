package org.grad4j.optim;

/** The range checks of the options records, with messages such as "Adam: lr must be >= 0, got -0.1". */
final class Check {
    private Check() {}

    static double nonNegative(String optimizer, String option, double value) {
        return require(optimizer, option, value, value >= 0, ">= 0");
    }

    /** [0, 1), the range of Adam's betas. */
    static double unitInterval(String optimizer, String option, double value) {
        return require(optimizer, option, value, value >= 0 && value < 1, "in [0, 1)");
    }

    /** [0, 1], the range of Adadelta's rho. */
    static double closedUnitInterval(String optimizer, String option, double value) {
        return require(optimizer, option, value, value >= 0 && value <= 1, "in [0, 1]");
    }

    private static double require(String optimizer, String option, double value, boolean ok, String range) {
        if (!ok) {
            throw new IllegalArgumentException(optimizer + ": " + option + " must be " + range + ", got "
                    + (value == Math.rint(value) && Math.abs(value) < 1e15
                            ? Long.toString((long) value)
                            : Double.toString(value)));
        }
        return value;
    }
}
