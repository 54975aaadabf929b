package org.grad4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.grad4j.autograd.Checkpointing;
import org.grad4j.autograd.GradCheck;
import org.grad4j.autograd.GradMode;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.grad4j.tensor.TensorScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DataParallel gives the module's outputs and gradients on the whole batch, whatever the number of
 * shards; runs on the default backend, so grad4j-native runs it on the native pool too.
 */
class DataParallelTest {
    private static Module model(long seed) {
        Generator gen = new Generator(seed);
        return new Sequential(new Linear(12, 16, true, gen), new Tanh(), new Linear(16, 5, true, gen));
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5f * Math.max(1f, Math.abs(expected[i])), what + " [" + i + "]");
        }
    }

    private static void assertSameGradients(Module plain, Module inner) {
        List<Parameter> p = plain.parameters();
        List<Parameter> q = inner.parameters();
        for (int i = 0; i < p.size(); i++) {
            assertClose(p.get(i).grad().toArray(), q.get(i).grad().toArray(), "gradient of parameter " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void outputsAndGradientsEqualTheModulesOnTheWholeBatch(int shards) {
        Module plain = model(1);
        Module inner = model(1);
        DataParallel parallel = new DataParallel(inner, shards);
        Tensor x = Tensor.randn(new Generator(2), 7, 12);
        Tensor xPlain = x.clone().requiresGrad(true);
        Tensor xParallel = x.clone().requiresGrad(true);
        Tensor target = Tensor.randn(new Generator(3), 7, 5);

        Tensor expected = plain.forward(xPlain);
        Tensor actual = parallel.forward(xParallel);
        assertArrayEquals(expected.shape(), actual.shape());
        assertClose(expected.toArray(), actual.toArray(), "output");
        expected.sub(target).pow(2).mean().backward();
        actual.sub(target).pow(2).mean().backward();

        assertClose(xPlain.grad().toArray(), xParallel.grad().toArray(), "input gradient");
        assertSameGradients(plain, inner);
    }

    @Test
    void checkpointedLayersInsideGetTheirGradients() {
        Module plain = model(19);
        Module inner = model(19);
        Module checkpointed = new Module() {
            {
                registerModule("inner", inner);
            }

            @Override
            public Tensor forward(Tensor input) {
                return Checkpointing.checkpointSequential((Sequential) inner, 2, input);
            }
        };
        Tensor x = Tensor.randn(new Generator(20), 6, 12);
        plain.forward(x).pow(2).sum().backward();
        new DataParallel(checkpointed, 2).forward(x).pow(2).sum().backward();
        assertSameGradients(plain, inner);
    }

    @Test
    void gradientsAccumulateAcrossBackwardCalls() {
        Module inner = model(4);
        DataParallel parallel = new DataParallel(inner, 2);
        Tensor x = Tensor.randn(new Generator(5), 6, 12);
        parallel.forward(x).sum().backward();
        float[] once = inner.parameters().get(0).grad().toArray();
        parallel.forward(x).sum().backward();
        float[] twice = inner.parameters().get(0).grad().toArray();
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], twice[i], 1e-5f * Math.max(1f, Math.abs(once[i])));
        }
    }

    @Test
    void aSecondBackwardThroughTheShardsSaysTheirGraphsAreFreed() {
        DataParallel parallel = new DataParallel(model(21), 2);
        Tensor loss = parallel.forward(Tensor.randn(new Generator(22), 4, 12)).sum();
        loss.backward(null, true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loss.backward());
        assertTrue(e.getMessage().contains("an earlier backward freed"), e.getMessage());
    }

    @Test
    void passesFiniteDifferenceChecks() {
        Linear linear = new Linear(4, 3, true, new Generator(6));
        DataParallel parallel = new DataParallel(linear, 2);
        Tensor x = Tensor.randn(new Generator(7), 5, 4).requiresGrad(true);
        GradCheck.check(in -> parallel.forward(in[0]).tanh(), x, linear.weight, linear.bias);
    }

    @Test
    void sameSeedGivesTheSameBitsTwice() {
        float[][] runs = new float[2][];
        for (int r = 0; r < 2; r++) {
            Module inner = model(8);
            DataParallel parallel = new DataParallel(inner, 3);
            parallel.forward(Tensor.randn(new Generator(9), 9, 12)).sum().backward();
            runs[r] = inner.parameters().get(0).grad().toArray();
        }
        assertArrayEquals(runs[0], runs[1]);
    }

    @Test
    void forwardIsTheModulesWithoutGradModeOrForASmallBatch() {
        Module inner = model(10);
        DataParallel parallel = new DataParallel(inner, 4);
        Tensor x = Tensor.randn(new Generator(11), 3, 12);
        assertArrayEquals(inner.forward(x).toArray(), parallel.forward(x).toArray());
        Tensor big = Tensor.randn(new Generator(12), 8, 12);
        try (Scope ignored = GradMode.noGrad()) {
            assertArrayEquals(
                    inner.forward(big).toArray(), parallel.forward(big).toArray());
        }
    }

    @Test
    void theModuleIsAChildAndItsParametersAreShared() {
        Module inner = model(13);
        DataParallel parallel = new DataParallel(inner, 2);
        assertSame(inner, parallel.module());
        assertEquals(2, parallel.shards());
        assertEquals(inner.parameters(), parallel.parameters());
        assertTrue(parallel.stateDict().containsKey("module.0.weight"));
    }

    @Test
    void refusesDropoutAndBuffersInTrainingModeOnly() {
        Tensor x = Tensor.randn(new Generator(14), 4, 12);
        DataParallel dropout = new DataParallel(new Sequential(new Linear(12, 3), new Dropout(0.5)), 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> dropout.forward(x));
        assertTrue(e.getMessage().contains("Dropout"), e.getMessage());
        DataParallel norm = new DataParallel(new Sequential(new Linear(12, 3), new BatchNorm1d(3)), 2);
        e = assertThrows(IllegalStateException.class, () -> norm.forward(x));
        assertTrue(e.getMessage().contains("BatchNorm1d") && e.getMessage().contains("running_mean"), e.getMessage());
        norm.eval();
        assertArrayEquals(new int[] {4, 3}, norm.forward(x).shape());
    }

    @Test
    void refusesOutputsWithoutOneRowPerSample() {
        DataParallel summing = new DataParallel(
                new Module() {
                    @Override
                    public Tensor forward(Tensor input) {
                        return input.sum();
                    }
                },
                2);
        Tensor x = Tensor.randn(new Generator(15), 4, 3).requiresGrad(true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> summing.forward(x));
        assertTrue(e.getMessage().contains("one row per sample"), e.getMessage());
    }

    @Test
    void aShardsExceptionReachesTheCaller() {
        DataParallel wrongWidth = new DataParallel(new Linear(5, 2), 2);
        Tensor x = Tensor.randn(new Generator(16), 4, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wrongWidth.forward(x));
        assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
    }

    @Test
    void theShardsTensorsAreReleasedWithTheCallersScope() {
        Module inner = model(17);
        DataParallel parallel = new DataParallel(inner, 2);
        Tensor x = Tensor.randn(new Generator(18), 64, 12);
        Tensor out;
        long released;
        try (TensorScope step = TensorScope.open()) {
            out = parallel.forward(x);
            out.sum().backward();
            step.close();
            released = step.releasedBytes();
        }
        // both shards' hidden activations [32, 16] at least, whichever thread made them
        assertTrue(released >= 2 * 4L * 32 * 16, "released " + released + " bytes");
        assertTrue(out.isClosed());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new DataParallel(null, 2));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new DataParallel(new Linear(2, 2), 0));
        assertTrue(e.getMessage().contains("shards must be in [1, 65536], got 0"), e.getMessage());
    }
}
