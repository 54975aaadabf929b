package org.grad4j.internal.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.grad4j.autograd.GradCheck;
import org.grad4j.backend.Backend;
import org.grad4j.internal.backend.java.JavaBackend;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@link OpSpec} through four checks: forward against the reference, gradcheck,
 * agreement of every available backend (and a one-thread Java backend) with the Java backend,
 * and the error inputs.
 */
class OpSpecTest {
    private static final Backend REFERENCE = new JavaBackend(2);

    @TestFactory
    Stream<DynamicNode> everyOp() {
        return OpSpecs.all().stream().map(spec -> DynamicContainer.dynamicContainer(spec.name, checks(spec)));
    }

    private static Stream<DynamicNode> checks(OpSpec spec) {
        List<DynamicNode> tests = new ArrayList<>();
        for (OpSpec.Sample s : spec.samples) {
            tests.add(dynamicTest("forward " + s.label(), () -> forward(spec, s)));
            if (s.gradcheck()) {
                tests.add(dynamicTest("gradcheck " + s.label(), () -> GradCheck.check(s.op(), s.inputs())));
            }
            tests.add(dynamicTest("backends agree " + s.label(), () -> parity(s)));
        }
        for (OpSpec.ErrorCase e : spec.errors) {
            tests.add(dynamicTest("rejects " + e.label(), () -> {
                IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e.call());
                assertTrue(
                        ex.getMessage().contains(e.fragment()),
                        () -> "message '" + ex.getMessage() + "' lacks '" + e.fragment() + "'");
            }));
        }
        return tests.stream();
    }

    private static void forward(OpSpec spec, OpSpec.Sample s) {
        Tensor out;
        try (Scope ignored = Backend.use(REFERENCE)) {
            out = s.op().apply(s.inputs());
        }
        assertArrayEquals(s.shape(), out.shape(), spec.name + " " + s.label() + ": shape");
        double[][] values = new double[s.inputs().length][];
        int[][] shapes = new int[s.inputs().length][];
        for (int i = 0; i < values.length; i++) {
            float[] f = s.inputs()[i].toArray();
            values[i] = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                values[i][j] = f[j];
            }
            shapes[i] = s.inputs()[i].shape();
        }
        double[] expected = s.reference().compute(new OpSpec.Values(values, shapes));
        float[] got = out.toArray();
        assertEquals(expected.length, got.length, spec.name + " " + s.label() + ": element count");
        for (int i = 0; i < got.length; i++) {
            double tol = s.atol() + 1e-5 * Math.abs(expected[i]);
            // equal values pass too: infinities, whose difference is NaN
            if (!(Math.abs(got[i] - expected[i]) <= tol)
                    && got[i] != expected[i]
                    && !(Double.isNaN(expected[i]) && Float.isNaN(got[i]))) {
                throw new AssertionError(
                        spec.name + " " + s.label() + ": element " + i + " expected " + expected[i] + " got " + got[i]);
            }
        }
    }

    /** Forward outputs and input gradients agree between the Java reference and every other backend. */
    private static void parity(OpSpec.Sample s) {
        float[][] reference;
        try (Scope ignored = Backend.use(REFERENCE)) {
            reference = run(s);
        }
        List<Backend> others = new ArrayList<>(Backend.available());
        others.add(new JavaBackend(1));
        for (Backend other : others) {
            float[][] got;
            try (Scope ignored = Backend.use(other)) {
                got = run(s);
            }
            for (int r = 0; r < reference.length; r++) {
                String what = r == 0 ? "output" : "gradient of input " + (r - 1);
                if (reference[r] == null || got[r] == null) {
                    assertEquals(reference[r] == null, got[r] == null, what);
                    continue;
                }
                assertEquals(reference[r].length, got[r].length, what);
                for (int i = 0; i < got[r].length; i++) {
                    double tol = 1e-4 + 1e-4 * Math.abs(reference[r][i]);
                    if (!(Math.abs(got[r][i] - reference[r][i]) <= tol)
                            && got[r][i] != reference[r][i]
                            && !(Float.isNaN(reference[r][i]) && Float.isNaN(got[r][i]))) {
                        throw new AssertionError(other.name() + " vs java, " + what + ", element " + i + ": "
                                + got[r][i] + " vs " + reference[r][i]);
                    }
                }
            }
        }
    }

    /** The output and, for differentiable samples, each input's gradient of a fixed projection of it. */
    private static float[][] run(OpSpec.Sample s) {
        Tensor[] inputs = s.inputs();
        float[][] result = new float[inputs.length + 1][];
        for (Tensor t : inputs) {
            t.setGrad(null);
        }
        Tensor out = s.op().apply(inputs);
        result[0] = out.toArray();
        if (s.gradcheck() && out.requiresGrad()) {
            float[] v = new float[out.numel()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) Math.sin(i + 1);
            }
            out.backward(out.dim() == 0 ? Tensor.scalar(v[0]) : Tensor.of(v, out.shape()));
            for (int i = 0; i < inputs.length; i++) {
                result[i + 1] =
                        inputs[i].grad() == null ? null : inputs[i].grad().toArray();
            }
        }
        return result;
    }
}
