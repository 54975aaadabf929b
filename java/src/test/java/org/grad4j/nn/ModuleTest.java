package org.grad4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ModuleTest {
    /** A model with a named child, a Sequential and a buffer. */
    static final class Net extends Module {
        final Linear fc1 = registerModule("fc1", new Linear(4, 3, true, new Generator(1)));
        final Sequential head =
                registerModule("head", new Sequential(new ReLU(), new Linear(3, 2, false, new Generator(2))));
        final Tensor steps = registerBuffer("steps", Tensor.zeros(1));

        @Override
        public Tensor forward(Tensor x) {
            return head.forward(fc1.forward(x));
        }
    }

    @Test
    void namesFollowPyTorch() {
        Net net = new Net();
        assertEquals(
                List.of("fc1.weight", "fc1.bias", "head.1.weight"),
                List.copyOf(net.namedParameters().keySet()));
        assertEquals(
                List.of("steps", "fc1.weight", "fc1.bias", "head.1.weight"),
                List.copyOf(net.stateDict().keySet()));
        assertEquals(3, net.parameters().size());
        assertEquals(2, net.children().size());
        assertEquals(5, net.modules().size());
    }

    @Test
    void toStringIsATree() {
        assertEquals(
                "Net(\n"
                        + "  (fc1): Linear(in_features=4, out_features=3, bias=True)\n"
                        + "  (head): Sequential(\n"
                        + "    (0): ReLU()\n"
                        + "    (1): Linear(in_features=3, out_features=2, bias=False)\n"
                        + "  )\n"
                        + ")",
                new Net().toString());
    }

    @Test
    void trainAndEvalReachEveryModule() {
        Net net = new Net();
        net.eval();
        assertTrue(net.modules().stream().noneMatch(Module::isTraining));
        net.train();
        assertTrue(net.modules().stream().allMatch(Module::isTraining));
    }

    @Test
    void zeroGradClearsGradients() {
        Net net = new Net();
        net.forward(Tensor.ones(2, 4)).sum().backward();
        assertTrue(net.parameters().stream().allMatch(p -> p.grad() != null));
        net.zeroGrad();
        assertTrue(net.parameters().stream().allMatch(p -> p.grad() == null));
    }

    @Test
    void stateDictRoundTripCopiesInPlace() {
        Net a = new Net();
        Net b = new Net();
        TensorInternals.data(b.fc1.weight)[0] = 42f;
        Tensor before = a.fc1.weight;
        a.loadStateDict(b.stateDict());
        assertSame(before, a.fc1.weight);
        assertEquals(42f, a.fc1.weight.get(0, 0));
        assertArrayEquals(
                b.forward(Tensor.ones(1, 4)).toArray(),
                a.forward(Tensor.ones(1, 4)).toArray());
    }

    @Test
    void strictLoadListsMissingAndUnexpectedKeys() {
        Net net = new Net();
        Map<String, Tensor> state = new java.util.LinkedHashMap<>(net.stateDict());
        state.remove("fc1.bias");
        state.put("fc9.weight", Tensor.zeros(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.loadStateDict(state));
        assertEquals(
                "loadStateDict: error(s) loading the state of Net: missing keys [fc1.bias],"
                        + " unexpected keys [fc9.weight]",
                e.getMessage());
        Module.LoadResult r = net.loadStateDict(state, false);
        assertEquals(List.of("fc1.bias"), r.missingKeys());
        assertEquals(List.of("fc9.weight"), r.unexpectedKeys());
    }

    @Test
    void shapeMismatchIsAlwaysAnError() {
        Net net = new Net();
        Map<String, Tensor> state = new java.util.LinkedHashMap<>(net.stateDict());
        state.put("fc1.bias", Tensor.zeros(5));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> net.loadStateDict(state, false));
        assertEquals("loadStateDict: size mismatch for fc1.bias: the state has [5], the module [3]", e.getMessage());
    }

    @Test
    void namesAreChecked() {
        Module m = new Sequential();
        assertThrows(IllegalArgumentException.class, () -> m.registerModule("a.b", new ReLU()));
        m.registerModule("x", new ReLU());
        assertThrows(IllegalArgumentException.class, () -> m.registerBuffer("x", Tensor.zeros(1)));
    }

    @Test
    void linearMatchesItsFormulaAndPyTorchInitBounds() {
        Linear fc = new Linear(50, 7, true, new Generator(3));
        float bound = (float) (1 / Math.sqrt(50));
        for (float w : fc.weight.toArray()) {
            assertTrue(Math.abs(w) <= bound, "weight " + w);
        }
        for (float b : fc.bias.toArray()) {
            assertTrue(Math.abs(b) <= bound, "bias " + b);
        }
        Tensor x = Tensor.randn(new Generator(4), 2, 50);
        Tensor expected = x.matmul(fc.weight.t()).add(fc.bias);
        assertArrayEquals(expected.toArray(), fc.forward(x).toArray(), 1e-5f);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> fc.forward(Tensor.zeros(2, 49)));
        assertEquals("Linear: expected input [*, 50], got [2, 49]", e.getMessage());
        assertNull(new Linear(2, 3, false).bias);
        assertTrue(new Linear(2, 3).weight.isLeaf());
    }

    @Test
    void defaultGeneratorIsReproducible() {
        Generator.manualSeed(7);
        float[] first = new Linear(5, 5).weight.toArray();
        Generator.manualSeed(7);
        assertArrayEquals(first, new Linear(5, 5).weight.toArray());
        Generator.manualSeed(8);
        assertFalse(
                java.util.Arrays.equals(first, new Linear(5, 5).weight.toArray()),
                "the weights come from the default generator, so its seed changes them");
    }
}
