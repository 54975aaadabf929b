package org.grad4j.optim.lr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Function;
import org.grad4j.nn.Parameter;
import org.grad4j.optim.ParamGroup;
import org.grad4j.optim.SGD;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Each schedule's learning-rate sequence against PyTorch's, epoch by epoch. */
class LRSchedulerTest {
    private static SGD sgd(double lr) {
        return new SGD(List.of(new Parameter(Tensor.zeros(1))), lr);
    }

    /** The rate after construction and after each of steps - 1 further steps. */
    private static double[] sequence(double lr, int steps, Function<SGD, LRScheduler> make) {
        SGD opt = sgd(lr);
        LRScheduler s = make.apply(opt);
        double[] out = new double[steps];
        for (int e = 0; e < steps; e++) {
            out[e] = opt.paramGroups().get(0).lr();
            assertEquals(out[e], s.getLastLr()[0]);
            s.step();
        }
        return out;
    }

    @Test
    void stepMultiStepExponentialAndLinear() {
        assertArrayEquals(
                new double[] {0.1, 0.1, 0.1, 0.01, 0.01, 0.01, 0.001, 0.001},
                sequence(0.1, 8, o -> new StepLR(o, 3)),
                1e-12);
        assertArrayEquals(
                new double[] {1, 1, 0.5, 0.5, 0.5, 0.25, 0.25},
                sequence(1, 7, o -> new MultiStepLR(o, new int[] {5, 2}, 0.5)),
                1e-12);
        assertArrayEquals(new double[] {1, 0.9, 0.81, 0.729}, sequence(1, 4, o -> new ExponentialLR(o, 0.9)), 1e-12);
        assertArrayEquals(
                new double[] {0.25, 0.4375, 0.625, 0.8125, 1, 1},
                sequence(1, 6, o -> new LinearLR(o, 0.25, 1, 4)),
                1e-12);
    }

    @Test
    void cosineAnnealingFollowsTheCosineDownAndBackUp() {
        double[] lrs = sequence(0.1, 21, o -> new CosineAnnealingLR(o, 10, 0.001));
        for (int e = 0; e <= 20; e++) {
            assertEquals(0.001 + (0.1 - 0.001) * (1 + Math.cos(Math.PI * e / 10)) / 2, lrs[e], 1e-12, "epoch " + e);
        }
    }

    @Test
    void cyclicModes() {
        assertArrayEquals(
                new double[] {0.1, 0.55, 1, 0.55, 0.1, 0.55, 1},
                sequence(5, 7, o -> new CyclicLR(o, 0.1, 1, 2)),
                1e-12);
        assertArrayEquals(
                new double[] {0.1, 0.55, 1, 0.55, 0.1, 0.325, 0.55, 0.325, 0.1},
                sequence(5, 9, o -> new CyclicLR(o, 0.1, 1, 2, 2, CyclicLR.Mode.TRIANGULAR2, 1)),
                1e-12);
        double[] exp = sequence(5, 4, o -> new CyclicLR(o, 0.1, 1, 2, 2, CyclicLR.Mode.EXP_RANGE, 0.5));
        assertEquals(0.1 + 0.9 * 0.5 * 0.5, exp[1], 1e-12);
        assertEquals(0.1 + 0.9 * 0.25, exp[2], 1e-12);
    }

    @Test
    void oneCycleWarmsUpThenAnneals() {
        double[] lrs = sequence(0, 10, o -> new OneCycleLR(o, 1, 10));
        double initial = 1 / 25.0;
        double min = initial / 1e4;
        assertEquals(initial, lrs[0], 1e-12);
        assertEquals(1 + (initial - 1) / 2 * (Math.cos(Math.PI * 0.5) + 1), lrs[1], 1e-12);
        assertEquals(1, lrs[2], 1e-12);
        assertEquals(min + (1 - min) / 2 * (Math.cos(Math.PI / 7) + 1), lrs[3], 1e-12);
        assertEquals(min, lrs[9], 1e-12);
        double[] linear = sequence(0, 10, o -> new OneCycleLR(o, 1, 10, 0.3, false, 25, 1e4, false));
        assertEquals((1 - initial) * 0.5 + initial, linear[1], 1e-12);
        SGD opt = sgd(0);
        OneCycleLR s = new OneCycleLR(opt, 1, 2);
        s.step();
        s.step();
        assertThrows(IllegalStateException.class, s::step);
    }

    @Test
    void reduceOnPlateauCutsAfterPatienceAndWaitsOutTheCooldown() {
        SGD opt = sgd(1);
        ReduceLROnPlateau s = new ReduceLROnPlateau(opt, false, 0.5, 2, 1e-4, true, 1, 0.2, 1e-8);
        double[] metrics = {10, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9};
        double[] expected = {1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.2};
        for (int e = 0; e < metrics.length; e++) {
            s.step(metrics[e]);
            assertEquals(expected[e], opt.paramGroups().get(0).lr(), 1e-12, "epoch " + e);
        }
        assertThrows(IllegalStateException.class, s::step);
    }

    @Test
    void sequentialHandsOverAtTheMilestoneAndChainedCombines() {
        assertArrayEquals(
                new double[] {0.1, 0.55, 1, 0.5, 0.25},
                sequence(
                        1,
                        5,
                        o -> new SequentialLR(
                                o, List.of(new LinearLR(o, 0.1, 1, 2), new ExponentialLR(o, 0.5)), new int[] {2})),
                1e-12);
        assertArrayEquals(
                new double[] {1, 0.9, 0.81, 0.0729, 0.06561},
                sequence(1, 5, o -> new ChainedScheduler(List.of(new ExponentialLR(o, 0.9), new StepLR(o, 3)))),
                1e-12);
    }

    @Test
    void eachGroupKeepsItsOwnBaseRate() {
        SGD opt = new SGD(
                List.of(
                        new ParamGroup(List.of(new Parameter(Tensor.zeros(1)))),
                        new ParamGroup(
                                List.of(new Parameter(Tensor.zeros(1))),
                                SGD.Options.defaults().lr(0.5))),
                SGD.Options.defaults().lr(0.1));
        StepLR s = new StepLR(opt, 1, 0.5);
        s.step();
        assertArrayEquals(new double[] {0.05, 0.25}, s.getLastLr(), 1e-12);
    }

    @Test
    void stateDictRestoresThePosition() {
        SGD opt = sgd(0.1);
        CosineAnnealingLR s = new CosineAnnealingLR(opt, 10);
        for (int i = 0; i < 4; i++) {
            s.step();
        }
        SGD other = sgd(0.1);
        other.loadStateDict(opt.stateDict());
        CosineAnnealingLR resumed = new CosineAnnealingLR(other, 10);
        resumed.loadStateDict(s.stateDict());
        s.step();
        resumed.step();
        assertEquals(s.getLastLr()[0], resumed.getLastLr()[0], 0);
        assertEquals(
                "StepLR: stepSize must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> new StepLR(sgd(1), 0))
                        .getMessage());
    }

    @Test
    void aSavedPositionOutOfRangeIsRefusedAndChangesNothing() {
        CosineAnnealingLR s = new CosineAnnealingLR(sgd(0.1), 10);
        s.step();
        java.util.Map<String, String> saved = s.stateDict();
        String[][] cases = {
            {"last_epoch", "-2", "'last_epoch' must be finite and >= -1, got -2"},
            {"last_epoch", "two", "'last_epoch' is not an integer: 'two'"},
            {"base_lrs.0", "NaN", "'base_lrs.0' must be finite and >= 0.0, got NaN"},
            {"last_lr.0", "-0.5", "'last_lr.0' must be finite and >= 0.0, got -0.5"},
            {"last_lr.0", "Infinity", "'last_lr.0' must be finite and >= 0.0, got Infinity"},
        };
        for (String[] c : cases) {
            java.util.Map<String, String> bad = new java.util.HashMap<>(saved);
            bad.put(c[0], c[1]);
            assertEquals(
                    "CosineAnnealingLR.loadStateDict: " + c[2],
                    assertThrows(IllegalArgumentException.class, () -> s.loadStateDict(bad))
                            .getMessage());
            assertEquals(saved, s.stateDict());
        }
    }

    @Test
    void aPlateauPositionThatIsNotANumberIsAnIllegalArgument() {
        ReduceLROnPlateau s = new ReduceLROnPlateau(sgd(0.1));
        s.step(1.0);
        java.util.Map<String, String> saved = s.stateDict();
        String[][] cases = {
            {"best", "NaN", "'best' must be a number (not NaN), got 'NaN'"},
            {"num_bad_epochs", "x", "'num_bad_epochs' is not an integer: 'x'"},
            {"cooldown_counter", "-1", "'cooldown_counter' must be finite and >= 0, got -1"},
        };
        for (String[] c : cases) {
            java.util.Map<String, String> bad = new java.util.HashMap<>(saved);
            bad.put(c[0], c[1]);
            assertEquals(
                    "ReduceLROnPlateau.loadStateDict: " + c[2],
                    assertThrows(IllegalArgumentException.class, () -> s.loadStateDict(bad))
                            .getMessage());
            assertEquals(saved, s.stateDict());
        }
        java.util.Map<String, String> fresh = new ReduceLROnPlateau(sgd(0.1)).stateDict();
        assertEquals("Infinity", fresh.get("best"));
        s.loadStateDict(fresh);
        assertEquals(fresh, s.stateDict());
    }
}
