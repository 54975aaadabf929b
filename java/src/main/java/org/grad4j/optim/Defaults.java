package org.grad4j.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds an optimizer's default options in order: {@code Defaults.of("lr", 0.1, "momentum", 0)}. */
final class Defaults {
    private Defaults() {}

    static Map<String, Double> of(Object... nameValuePairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            map.put((String) nameValuePairs[i], ((Number) nameValuePairs[i + 1]).doubleValue());
        }
        return map;
    }

    static String nonNegative(double v) {
        return v >= 0 ? null : ">= 0";
    }

    static String positive(double v) {
        return v > 0 ? null : "> 0";
    }

    static String unitInterval(double v) {
        return v >= 0 && v < 1 ? null : "in [0, 1)";
    }

    static String bool(double v) {
        return v == 0 || v == 1 ? null : "0 or 1 (false or true)";
    }
}
