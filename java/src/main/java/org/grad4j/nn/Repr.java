package org.grad4j.nn;

import java.math.BigDecimal;

/**
 * Formats hyper-parameters the way Python prints them, so that module reprs read like PyTorch's:
 * {@code 1e-05}, {@code 0.1}, {@code 1.0}, {@code True}, {@code (3, 3)}, {@code (10,)}.
 */
final class Repr {
    private Repr() {}

    /** Python's {@code repr(float)}: shortest digits, scientific below 1e-4 and from 1e16. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String sign = v < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = d.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String e = Integer.toString(Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e.length() == 1 ? "0" + e : e);
    }

    /** Python's {@code True} / {@code False}. */
    static String bool(boolean b) {
        return b ? "True" : "False";
    }

    /** A Python tuple of ints: {@code (3, 3)}, and {@code (10,)} for one element. */
    static String tuple(int[] values) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return sb.append(values.length == 1 ? ",)" : ")").toString();
    }

    /** The int itself when the user gave one int, else the tuple (PyTorch's pooling layers keep what they got). */
    static String intOrTuple(int[] values, boolean scalar) {
        return scalar ? Integer.toString(values[0]) : tuple(values);
    }
}
