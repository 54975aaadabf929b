package org.grad4j.internal.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.grad4j.backend.Backend;
import org.grad4j.internal.backend.java.JavaBackend;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@value #CASES} random calls of the {@link FuzzTest} ops (random shapes and layouts, NaN and
 * infinities) that the Java backend accepts, run again on every other backend with the same
 * inputs: the outputs and every input's gradient must agree, and a call one backend rejects the
 * others must reject too. grad4j-native runs this against the native kernels; grad4j-core runs
 * it against a one-thread Java backend.
 */
class BackendParityFuzzTest {
    static final int CASES = 6_000;
    private static final Backend REFERENCE = new JavaBackend(2);

    /** A call's output and its inputs' gradients, or the exception it threw. */
    private record Outcome(float[][] values, RuntimeException error) {}

    private static Outcome run(Backend backend, FuzzTest.Op op, long seed) {
        try (Scope ignored = Backend.use(backend)) {
            Fuzz fuzz = new Fuzz(seed);
            Tensor out = op.call().apply(fuzz);
            float[] forward = out.toArray();
            List<float[]> values = new ArrayList<>(List.of(forward));
            if (out.requiresGrad() && out.numel() > 0) {
                float[] v = new float[out.numel()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) Math.sin(i + 1);
                }
                out.backward(out.dim() == 0 ? Tensor.scalar(v[0]) : Tensor.of(v, out.shape()));
                for (Tensor leaf : fuzz.leaves) {
                    values.add(leaf.grad() == null ? new float[0] : leaf.grad().toArray());
                }
            }
            return new Outcome(values.toArray(new float[0][]), null);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Outcome(null, e);
        }
    }

    private static void same(String what, float[] expected, float[] actual) {
        assertTrue(
                expected.length == actual.length,
                what + ": " + actual.length + " elements, expected " + expected.length);
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            float a = actual[i];
            boolean close = Math.abs(a - e) <= 1e-4 + 1e-4 * Math.abs(e);
            if (!(close || e == a || Float.isNaN(e) && Float.isNaN(a))) {
                throw new AssertionError(what + ", element " + i + ": " + a + ", java " + e);
            }
        }
    }

    @Test
    void everyOpsForwardAndBackwardAgreeAcrossBackends() {
        List<FuzzTest.Op> ops = FuzzTest.ops();
        List<Backend> others = new ArrayList<>(Backend.available());
        others.removeIf(b -> b.name().equals(REFERENCE.name()) && b.threads() == REFERENCE.threads());
        others.add(new JavaBackend(1));
        long base = Long.getLong("grad4j.fuzz.seed", 20261125);
        int compared = 0;
        int withGradients = 0;
        for (int attempt = 0; compared < CASES; attempt++) {
            assertTrue(attempt < 4 * CASES, "only " + compared + " of " + attempt + " random calls were accepted");
            FuzzTest.Op op = ops.get(attempt % ops.size());
            long seed = base + attempt;
            Outcome expected = run(REFERENCE, op, seed);
            for (Backend other : others) {
                Outcome got = run(other, op, seed);
                String what =
                        op.name() + " (seed " + seed + ") on " + other.name() + " with " + other.threads() + " threads";
                if (expected.error() != null || got.error() != null) {
                    assertTrue(
                            expected.error() != null && got.error() != null,
                            () -> what + ": java threw " + expected.error() + ", this backend " + got.error());
                    continue;
                }
                assertTrue(expected.values().length == got.values().length, what + ": gradient count");
                for (int r = 0; r < expected.values().length; r++) {
                    same(
                            what + (r == 0 ? ", output" : ", gradient of input " + (r - 1)),
                            expected.values()[r],
                            got.values()[r]);
                }
            }
            if (expected.error() == null) {
                compared++;
                withGradients += expected.values().length > 1 ? 1 : 0;
            }
        }
        assertTrue(withGradients > CASES / 4, withGradients + " of " + CASES + " cases had gradients");
    }
}
