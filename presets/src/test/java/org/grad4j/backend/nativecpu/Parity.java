package org.grad4j.backend.nativecpu;

import org.grad4j.backend.Backend;

/** Element-wise comparison of a native result with the Java backend's, within float tolerance. */
final class Parity {
    private Parity() {}

    /** The Java backend, the reference every native result is compared with. */
    static Backend javaBackend() {
        return Backend.available().stream()
                .filter(b -> b.name().equals("java"))
                .findFirst()
                .orElseThrow();
    }

    static void same(String what, float[] expected, float[] actual, double rtol, double atol) {
        if (expected.length != actual.length) {
            throw new AssertionError(what + ": length " + actual.length + " != " + expected.length);
        }
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            float a = actual[i];
            boolean bothNaN = Float.isNaN(e) && Float.isNaN(a);
            if (!bothNaN && !(Math.abs(a - e) <= atol + rtol * Math.abs(e)) && !(e == a)) {
                throw new AssertionError(what + ": element " + i + " java " + e + " native " + a);
            }
        }
    }

    static void same(String what, float[] expected, float[] actual) {
        same(what, expected, actual, 1e-5, 1e-5);
    }

    static void same(String what, int[] expected, int[] actual) {
        if (expected.length != actual.length) {
            throw new AssertionError(what + ": length " + actual.length + " != " + expected.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                throw new AssertionError(what + ": element " + i + " java " + expected[i] + " native " + actual[i]);
            }
        }
    }
}
