package org.grad4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.grad4j.autograd.GradCheck;
import org.grad4j.autograd.GradMode;
import org.grad4j.nn.Dropout;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.Parameter;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.nn.Tanh;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.optim.SGD;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Compile.module: the forward and its gradients as eager's, guards, retracing, fallback and bad calls. */
class CompiledModuleTest {
    private static void assertClose(Tensor expected, Tensor actual, String what) {
        float[] e = expected.toArray();
        float[] a = actual.toArray();
        assertEquals(e.length, a.length, what);
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-5 * Math.max(1, Math.abs(e[i])), what + " at " + i);
        }
    }

    @Test
    void forwardWithoutGradientsIsEagerForward() {
        Generator.manualSeed(1);
        Module model = Models.cnn();
        Module compiled = Compile.module(model);
        Tensor x = Tensor.randn(new Generator(2), 4, 1, 8, 8);
        try (Scope ignored = GradMode.noGrad()) {
            assertClose(model.forward(x), compiled.forward(x), "cnn forward");
        }
        assertEquals(
                model.namedParameters().keySet(), compiled.namedParameters().keySet());
        assertEquals(model.stateDict().keySet(), compiled.stateDict().keySet());
    }

    @Test
    void gradientsThroughACompiledModuleAreEagerGradients() {
        Generator.manualSeed(3);
        Module model = Models.mlp();
        Module compiled = Compile.module(model);
        Tensor x = Tensor.randn(new Generator(4), 6, 1, 6, 6).requiresGrad(true);
        Tensor t = CompileTest.classes(new Generator(5), 6, 5);
        Tensor eagerLoss = new CrossEntropyLoss().forward(model.forward(x), t);
        eagerLoss.backward();
        Tensor eagerInputGrad = x.grad();
        java.util.Map<String, Tensor> eagerGrads = new java.util.HashMap<>();
        model.namedParameters().forEach((n, p) -> eagerGrads.put(n, p.grad()));
        model.zeroGrad();
        x.setGrad(null);
        Tensor loss = new CrossEntropyLoss().forward(compiled.forward(x), t);
        assertEquals(eagerLoss.item(), loss.item(), 1e-6);
        loss.backward();
        assertClose(eagerInputGrad, x.grad(), "input gradient");
        model.namedParameters().forEach((n, p) -> assertClose(eagerGrads.get(n), p.grad(), n));
    }

    @Test
    void gradcheckThroughACompiledGraph() {
        Generator.manualSeed(6);
        Module model = new Sequential(new Linear(3, 4), new Tanh(), new Linear(4, 2));
        Module compiled = Compile.module(model);
        Tensor x = Tensor.randn(new Generator(7), 5, 3).requiresGrad(true);
        Tensor[] inputs = new Tensor[1 + model.parameters().size()];
        inputs[0] = x;
        for (int i = 0; i < model.parameters().size(); i++) {
            inputs[1 + i] = model.parameters().get(i);
        }
        GradCheck.check(in -> compiled.forward(in[0]).tanh().sum(), inputs);
    }

    @Test
    void twoForwardsBeforeOneBackwardEachKeepTheirOwnValues() {
        Generator.manualSeed(8);
        Module model = Models.mlp();
        Module compiled = Compile.module(model);
        Generator g = new Generator(9);
        Tensor a = Tensor.randn(g, 3, 1, 6, 6);
        Tensor b = Tensor.randn(g, 3, 1, 6, 6);
        model.forward(a).sum().add(model.forward(b).mul(2f).sum()).backward();
        Tensor expected = model.parameters().get(0).grad();
        model.zeroGrad();
        compiled.forward(a).sum().add(compiled.forward(b).mul(2f).sum()).backward();
        assertClose(expected, model.parameters().get(0).grad(), "weight gradient");
    }

    @Test
    void anotherBatchSizeRetracesAnotherRankFails() {
        Module model = Models.mlp();
        CompiledModule compiled = (CompiledModule) Compile.module(model);
        try (Scope ignored = GradMode.noGrad()) {
            compiled.forward(Tensor.zeros(4, 1, 6, 6));
            compiled.forward(Tensor.zeros(4, 1, 6, 6));
            assertEquals(1, compiled.signatures());
            Tensor x = Tensor.randn(new Generator(1), 7, 1, 6, 6);
            assertClose(model.forward(x), compiled.forward(x), "batch of 7");
            assertEquals(2, compiled.signatures());
            compiled.eval();
            compiled.forward(Tensor.zeros(7, 1, 6, 6));
            assertEquals(3, compiled.signatures(), "eval mode is another signature");
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> compiled.forward(Tensor.zeros(4, 36)));
            assertTrue(e.getMessage().contains("[4, 1, 6, 6]") && e.getMessage().contains("[4, 36]"), e.getMessage());
        }
    }

    @Test
    void eachCompiledForwardWritesTheBuffersTheEagerForwardWrites() {
        Generator.manualSeed(10);
        Module eager = Models.generator();
        Generator.manualSeed(10);
        Module model = Models.generator();
        CompiledModule compiled = (CompiledModule) Compile.module(model);
        Generator g = new Generator(11);
        for (int i = 0; i < 3; i++) {
            Tensor z = Tensor.randn(g, 5, 6);
            if (i == 1) {
                try (Scope ignored = GradMode.noGrad()) {
                    assertClose(eager.forward(z), compiled.forward(z), "forward without gradients " + i);
                }
            } else {
                eager.forward(z).sum().backward();
                compiled.forward(z).sum().backward();
            }
            eager.stateDict()
                    .forEach((name, t) -> assertClose(t, model.stateDict().get(name), name));
        }
        assertEquals(2, compiled.signatures(), "with and without gradients, both compiled");
        assertEquals(3f, model.stateDict().get("1.num_batches_tracked").item(), "tracing wrote nothing");
        model.namedParameters()
                .forEach((n, p) -> assertClose(eager.namedParameters().get(n).grad(), p.grad(), n));
        eager.eval();
        compiled.eval();
        Tensor z = Tensor.randn(g, 5, 6);
        assertClose(eager.forward(z), compiled.forward(z), "eval mode reads the running statistics");
    }

    @Test
    void aLayerWithOneInputFeatureCompilesItsMatmulOfASingleRow() {
        Generator.manualSeed(12);
        Module model = new Sequential(new Linear(1, 3));
        Module compiled = Compile.module(model);
        Tensor x = Tensor.randn(new Generator(13), 4, 1);
        try (Scope ignored = GradMode.noGrad()) {
            assertClose(model.forward(x), compiled.forward(x), "x [4, 1] @ weight [3, 1]ᵀ");
        }
    }

    /** Uses its first layer only. */
    static final class HalfUsed extends Module {
        final Linear used = registerModule("used", new Linear(3, 2));
        final Linear unused = registerModule("unused", new Linear(3, 2));

        @Override
        public Tensor forward(Tensor x) {
            return used.forward(x);
        }
    }

    @Test
    void aParameterTheForwardDoesNotUseGetsNoGradient() {
        HalfUsed model = new HalfUsed();
        CompiledModule compiled = (CompiledModule) Compile.module(model);
        compiled.forward(Tensor.ones(4, 3)).sum().backward();
        assertTrue(compiled.isCompiled());
        assertArrayEquals(new float[] {4, 4}, model.used.bias.grad().toArray());
        assertEquals(null, model.unused.weight.grad());
        TrainStep step = Compile.trainStep(model, new org.grad4j.nn.loss.MSELoss(), new SGD(model.parameters(), 0.1));
        step.step(Tensor.ones(4, 3), Tensor.zeros(4, 2));
        assertTrue(step.isCompiled());
        assertEquals(null, model.unused.bias.grad());
    }

    @Test
    void dropoutInTrainingRunsEagerlyAndInEvalCompiles() {
        Module model = new Sequential(new Linear(4, 4), new Dropout(0.5), new ReLU());
        TrainStep step = Compile.trainStep(model, new org.grad4j.nn.loss.MSELoss(), new SGD(model.parameters(), 0.1));
        Tensor x = Tensor.ones(2, 4);
        step.step(x, Tensor.zeros(2, 4));
        assertFalse(step.isCompiled(), "dropout's random draw is a graph break");
        model.eval();
        step.step(x, Tensor.zeros(2, 4));
        assertTrue(step.isCompiled(), "in eval mode dropout is the identity");
    }

    @Test
    void aClosedParameterIsAnErrorNotAWrongResult() {
        Module model = new Sequential(new Linear(4, 2));
        TrainStep step = Compile.trainStep(model, new org.grad4j.nn.loss.MSELoss(), new SGD(model.parameters(), 0.1));
        step.step(Tensor.ones(3, 4), Tensor.zeros(3, 2));
        Parameter w = model.parameters().get(0);
        w.close();
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> step.step(Tensor.ones(3, 4), Tensor.zeros(3, 2)));
        assertTrue(e.getMessage().contains("close"), e.getMessage());
    }

    @Test
    void aClosedGradientIsReplacedNotWrittenInto() {
        Module model = new Sequential(new Linear(4, 2));
        TrainStep step = Compile.trainStep(model, new org.grad4j.nn.loss.MSELoss(), new SGD(model.parameters(), 0f));
        Tensor x = Tensor.ones(3, 4);
        step.step(x, Tensor.zeros(3, 2));
        Tensor first = model.parameters().get(0).grad();
        float[] expected = first.toArray();
        first.close();
        step.step(x, Tensor.zeros(3, 2));
        assertArrayEquals(expected, model.parameters().get(0).grad().toArray(), 1e-6f);
    }

    @Test
    void wrongCallsNameTheSignature() {
        Module model = Models.mlp();
        TrainStep step = Compile.trainStep(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.1));
        step.step(Tensor.zeros(2, 1, 6, 6), Tensor.zeros(2));
        IllegalArgumentException rank =
                assertThrows(IllegalArgumentException.class, () -> step.step(Tensor.zeros(2, 36), Tensor.zeros(2)));
        assertTrue(rank.getMessage().contains("[2, 1, 6, 6], [2]"), rank.getMessage());
        assertThrows(IllegalArgumentException.class, () -> step.step(null, Tensor.zeros(2)));
        assertThrows(IllegalArgumentException.class, () -> Compile.trainStep(model, null, null));
        IllegalArgumentException target = assertThrows(
                IllegalArgumentException.class,
                () -> step.step(Tensor.zeros(2, 1, 6, 6), Tensor.of(new float[] {0, 9}, 2)));
        assertTrue(target.getMessage().contains("target 9.0"), target.getMessage());
    }
}
