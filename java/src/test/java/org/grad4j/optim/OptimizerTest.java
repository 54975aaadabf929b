package org.grad4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.Parameter;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Param groups, zeroGrad, state save and load, validation messages, and convergence. */
class OptimizerTest {
    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void hyperParametersAreValidatedWithTheirNames() {
        Parameter p = new Parameter(Tensor.zeros(2));
        assertEquals("Adam: lr must be >= 0, got -0.1", message(() -> new Adam(List.of(p), -0.1)));
        assertEquals(
                "Adam: beta2 must be in [0, 1), got 1",
                message(() ->
                        new Adam(List.of(p), Adam.Options.defaults().lr(0.1).betas(0.9, 1))));
        assertEquals(
                "SGD: momentum must be >= 0, got -0.5",
                message(() -> new SGD(List.of(p), SGD.Options.defaults().lr(0.1).momentum(-0.5))));
        assertEquals(
                "RMSprop: eps must be >= 0, got -1.0E-9",
                message(() -> new RMSprop(
                        List.of(p), RMSprop.Options.defaults().lr(0.1).eps(-1e-9))));
        assertEquals(
                "Adadelta: rho must be in [0, 1], got 2",
                message(() ->
                        new Adadelta(List.of(p), Adadelta.Options.defaults().rho(2))));
        assertEquals(
                "SGD: got an empty parameter list",
                message(() -> new SGD(List.<ParamGroup>of(), SGD.Options.defaults())));
        assertEquals(
                "SGD: param group 0 has options of type Adam.Options, expected SGD.Options",
                message(() ->
                        new SGD(List.of(new ParamGroup(List.of(p), Adam.Options.defaults())), SGD.Options.defaults())));
        assertEquals(
                "SGD: nesterov requires momentum > 0 and dampening = 0, got momentum 0.0 and dampening 0.0",
                message(() -> SGD.Options.defaults().lr(0.1).nesterov(true)));
        assertTrue(message(() -> new SGD(
                        List.of(new ParamGroup(List.of(p)), new ParamGroup(List.of(p))), SGD.Options.defaults()))
                .contains("more than one param group"));
    }

    @Test
    void groupsUseTheirOwnLearningRateAndTheSharedDefaults() {
        Parameter a = new Parameter(Tensor.ones(1));
        Parameter b = new Parameter(Tensor.ones(1));
        SGD.Options shared = SGD.Options.defaults().lr(0.1).weightDecay(1);
        SGD opt = new SGD(List.of(new ParamGroup(List.of(a)), new ParamGroup(List.of(b), shared.lr(0.5))), shared);
        a.setGrad(Tensor.ones(1));
        b.setGrad(Tensor.ones(1));
        opt.step();
        assertEquals(1 - 0.1f * 2, a.item(), 1e-6f);
        assertEquals(1 - 0.5f * 2, b.item(), 1e-6f);
        assertEquals(0.1, opt.paramGroups().get(0).lr());
        opt.paramGroups().get(0).lr(0.25);
        assertEquals(0.25, opt.paramGroups().get(0).lr());
        opt.zeroGrad();
        assertNull(a.grad());
        assertNull(b.grad());
    }

    @Test
    void parametersWithoutGradientsAreLeftAlone() {
        Parameter a = new Parameter(Tensor.ones(2));
        new Adam(List.of(a), 0.1).step();
        assertArrayEquals(new float[] {1, 1}, a.toArray(), 0f);
    }

    private static Module net(long seed) {
        Generator gen = new Generator(seed);
        return new Sequential(new Linear(3, 8, true, gen), new ReLU(), new Linear(8, 1, true, gen));
    }

    private static float trainSteps(Module model, Optimizer opt, int from, int to) {
        float loss = 0;
        for (int step = from; step < to; step++) {
            Tensor x = Tensor.randn(new Generator(100 + step), 16, 3);
            Tensor y = x.sum(1, true).mul(0.5f);
            Tensor l = model.forward(x).sub(y).square().mean();
            opt.zeroGrad();
            l.backward();
            opt.step();
            loss = l.item();
        }
        return loss;
    }

    private static void resumesBitExactly(Function<Module, Optimizer> make) {
        Module uninterrupted = net(1);
        Optimizer full = make.apply(uninterrupted);
        trainSteps(uninterrupted, full, 0, 10);

        Module first = net(1);
        Optimizer before = make.apply(first);
        trainSteps(first, before, 0, 4);
        OptimizerState saved = before.stateDict();
        Module resumed = net(99);
        resumed.loadStateDict(first.stateDict());
        Optimizer after = make.apply(resumed);
        after.loadStateDict(saved);
        trainSteps(resumed, after, 4, 10);

        uninterrupted
                .stateDict()
                .forEach((name, t) -> assertArrayEquals(
                        t.toArray(), resumed.stateDict().get(name).toArray(), 0f, before.name() + " " + name));
    }

    @Test
    void loadingTheStateContinuesBitExactly() {
        resumesBitExactly(m -> new SGD(
                m.parameters(), SGD.Options.defaults().lr(0.05).momentum(0.9).nesterov(true)));
        resumesBitExactly(
                m -> new Adam(m.parameters(), Adam.Options.defaults().lr(0.01).amsgrad(true)));
        resumesBitExactly(m -> new AdamW(m.parameters(), 0.01));
        resumesBitExactly(m -> new RMSprop(
                m.parameters(),
                RMSprop.Options.defaults().lr(0.01).centered(true).momentum(0.5)));
        resumesBitExactly(m -> new Adagrad(m.parameters(), 0.05));
        resumesBitExactly(m -> new Adadelta(m.parameters()));
        resumesBitExactly(m -> new RAdam(m.parameters(), 0.01));
    }

    @Test
    void stateDictHoldsPyTorchNamesAndExactOptions() {
        Module m = net(1);
        Adam opt = new Adam(m.parameters(), Adam.Options.defaults().lr(0.1 / 3).betas(0.85, 0.995));
        trainSteps(m, opt, 0, 1);
        OptimizerState s = opt.stateDict();
        assertEquals(
                sorted(s.tensors().keySet()),
                sorted(List.of(
                        "state.0.step",
                        "state.0.exp_avg",
                        "state.0.exp_avg_sq",
                        "state.1.step",
                        "state.1.exp_avg",
                        "state.1.exp_avg_sq",
                        "state.2.step",
                        "state.2.exp_avg",
                        "state.2.exp_avg_sq",
                        "state.3.step",
                        "state.3.exp_avg",
                        "state.3.exp_avg_sq")));
        assertEquals(Double.toString(0.1 / 3), s.values().get("param_groups.0.lr"));
        assertEquals("4", s.values().get("param_groups.0.params"));
        assertEquals(1f, s.tensors().get("state.2.step").item());
    }

    private static java.util.Set<String> sorted(java.util.Collection<String> c) {
        return new java.util.TreeSet<>(c);
    }

    @Test
    void loadingAStateThatDoesNotFitSaysWhy() {
        Module m = net(1);
        Adam opt = new Adam(m.parameters(), 0.01);
        trainSteps(m, opt, 0, 1);
        OptimizerState s = opt.stateDict();
        Adam small = new Adam(List.of(new Parameter(Tensor.zeros(3))), 0.01);
        assertEquals(
                "Adam.loadStateDict: param group 0 has 4 parameters in the saved state, 1 here",
                message(() -> small.loadStateDict(s)));
        java.util.Map<String, Tensor> wrongShape = new java.util.HashMap<>(s.tensors());
        wrongShape.put("state.0.exp_avg", Tensor.zeros(2));
        assertEquals(
                "Adam.loadStateDict: 'state.0.exp_avg' has shape [2], expected [8, 3]",
                message(() -> opt.loadStateDict(new OptimizerState(wrongShape, s.values()))));
        java.util.Map<String, String> badValue = new java.util.HashMap<>(s.values());
        badValue.put("param_groups.0.lr", "-1");
        assertEquals(
                "Adam: lr must be >= 0, got -1",
                message(() -> opt.loadStateDict(new OptimizerState(s.tensors(), badValue))));
        assertTrue(message(() -> new SGD(m.parameters(), 0.1).loadStateDict(s))
                .startsWith("SGD.loadStateDict: unknown option"));
    }

    @Test
    void aStepCountThatIsNegativeOrNotAWholeNumberIsRefused() {
        Module m = net(1);
        Adam opt = new Adam(m.parameters(), 0.01);
        trainSteps(m, opt, 0, 2);
        OptimizerState s = opt.stateDict();
        for (float step : new float[] {-1f, Float.NaN, 1.5f, Float.POSITIVE_INFINITY}) {
            java.util.Map<String, Tensor> bad = new java.util.HashMap<>(s.tensors());
            bad.put("state.1.step", Tensor.scalar(step));
            assertEquals(
                    "Adam.loadStateDict: 'state.1.step' must be a whole number of steps >= 0, got " + step,
                    message(() -> opt.loadStateDict(new OptimizerState(bad, s.values()))));
            assertEquals(2f, opt.stateDict().tensors().get("state.1.step").item());
        }
        java.util.Map<String, Tensor> zero = new java.util.HashMap<>(s.tensors());
        zero.put("state.1.step", Tensor.scalar(0f));
        opt.loadStateDict(new OptimizerState(zero, s.values()));
        assertEquals(0f, opt.stateDict().tensors().get("state.1.step").item());
    }

    @Test
    void aSmallRegressionConverges() {
        for (Function<Module, Optimizer> make : List.<Function<Module, Optimizer>>of(
                m -> new SGD(m.parameters(), SGD.Options.defaults().lr(0.05).momentum(0.9)),
                m -> new Adam(m.parameters(), 0.01))) {
            Module m = net(3);
            float loss = trainSteps(m, make.apply(m), 0, 300);
            assertTrue(loss < 0.01, "final loss " + loss);
        }
    }

    @Test
    void clipGradNormScalesAllGradientsTogether() {
        Parameter a = new Parameter(Tensor.zeros(2));
        Parameter b = new Parameter(Tensor.zeros(1));
        a.setGrad(Tensor.of(new float[] {3, 0}, 2));
        b.setGrad(Tensor.of(new float[] {4}, 1));
        assertEquals(5, ClipGrad.clipGradNorm(List.of(a, b), 1), 1e-6);
        assertArrayEquals(new float[] {0.6f, 0}, a.grad().toArray(), 1e-5f);
        assertArrayEquals(new float[] {0.8f}, b.grad().toArray(), 1e-5f);
        b.setGrad(Tensor.of(new float[] {-7}, 1));
        assertEquals(7, ClipGrad.clipGradNorm(List.of(a, b), 14, Double.POSITIVE_INFINITY, false), 1e-6);
        assertArrayEquals(new float[] {-7}, b.grad().toArray(), 0f, "below the limit: unchanged");
        assertEquals(0.6 + 7, ClipGrad.clipGradNorm(List.of(a, b), 100, 1, false), 1e-5);
        b.setGrad(Tensor.of(new float[] {Float.NaN}, 1));
        assertThrows(IllegalStateException.class, () -> ClipGrad.clipGradNorm(List.of(a, b), 1, 2, true));
    }

    @Test
    void clipGradValueClampsEachElement() {
        Parameter a = new Parameter(Tensor.zeros(3));
        a.setGrad(Tensor.of(new float[] {-3, 0.5f, 9}, 3));
        ClipGrad.clipGradValue(List.of(a), 1);
        assertArrayEquals(new float[] {-1, 0.5f, 1}, a.grad().toArray(), 0f);
        assertEquals(
                "clipGradValue: clipValue must be >= 0, got -1.0",
                message(() -> ClipGrad.clipGradValue(List.of(a), -1)));
    }
}
