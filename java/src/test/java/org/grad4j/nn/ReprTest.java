package org.grad4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReprTest {
    @Test
    void numbersPrintAsPythonFloats() {
        assertEquals("1e-05", Repr.num(1e-5));
        assertEquals("0.0001", Repr.num(1e-4));
        assertEquals("1.5e-05", Repr.num(1.5e-5));
        assertEquals("0.1", Repr.num(0.1));
        assertEquals("1.0", Repr.num(1));
        assertEquals("20.0", Repr.num(20));
        assertEquals("-0.01", Repr.num(-0.01));
        assertEquals("123456789.0", Repr.num(123456789));
        assertEquals("1e+16", Repr.num(1e16));
        assertEquals("-2.5e-07", Repr.num(-2.5e-7));
        assertEquals("0.0", Repr.num(0));
        assertEquals("-0.0", Repr.num(-0.0));
        assertEquals("inf", Repr.num(Double.POSITIVE_INFINITY));
        assertEquals("nan", Repr.num(Double.NaN));
    }

    @Test
    void tuplesAndBooleansPrintAsPython() {
        assertEquals("(3, 3)", Repr.tuple(new int[] {3, 3}));
        assertEquals("(10,)", Repr.tuple(new int[] {10}));
        assertEquals("2", Repr.intOrTuple(new int[] {2, 2}, true));
        assertEquals("(2, 2)", Repr.intOrTuple(new int[] {2, 2}, false));
        assertEquals("True", Repr.bool(true));
        assertEquals("False", Repr.bool(false));
    }
}
