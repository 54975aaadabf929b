package org.grad4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.Sequential;
import org.grad4j.nn.Tanh;
import org.grad4j.nn.loss.MSELoss;
import org.grad4j.optim.Adam;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Rematerialization: which forward results the backward computes again, the memory it saves, the same results. */
class RematerializationTest {

    private static Sequential deepMlp(int layers, int width) {
        List<Module> m = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            m.add(new Linear(width, width, true, new Generator(i)));
            m.add(new Tanh());
        }
        return new Sequential(m.toArray(new Module[0]));
    }

    @Test
    void theBackwardComputesAgainWhatIsNotAtTheEndOfASegment() {
        Graph joint = Passes.optimize(Autodiff.gradients(Graph.trace(
                in -> new Tensor[] {in[0].tanh().tanh().tanh().tanh()},
                Tensor.zeros(4).requiresGrad(true))));
        Graph remat = Passes.rematerialization(2).apply(joint);
        assertEquals(
                String.join(
                        "\n",
                        "%0 = input input0",
                        "%1 = input gradOutput0",
                        "%2 = tanh(%0)",
                        "%3 = tanh(%2)",
                        "%4 = tanh(%3)",
                        "%5 = tanh(%4)",
                        "%6 = mul(%5, %5)",
                        "%7 = neg(%6)",
                        "%8 = constant const0",
                        "%9 = add(%7, %8)",
                        "%10 = mul(%1, %9)",
                        "%11 = tanh(%3)",
                        "%12 = mul(%11, %11)",
                        "%13 = neg(%12)",
                        "%14 = add(%13, %8)",
                        "%15 = mul(%10, %14)",
                        "%16 = mul(%3, %3)",
                        "%17 = neg(%16)",
                        "%18 = add(%17, %8)",
                        "%19 = mul(%15, %18)",
                        "%20 = tanh(%0)",
                        "%21 = mul(%20, %20)",
                        "%22 = neg(%21)",
                        "%23 = add(%22, %8)",
                        "%24 = mul(%19, %23)",
                        "return [%5, %24]"),
                PassesTest.listing(remat));
        assertSame(joint, Passes.rematerialization(4).apply(joint), "one op a segment: everything is kept");
    }

    @Test
    void aDeepMlpHoldsFarLessAndComputesTheSameGradients() {
        Sequential model = deepMlp(16, 16);
        Graph forward = Graph.trace(model, Tensor.zeros(128, 16));
        Graph joint = Passes.optimize(Autodiff.gradients(forward, forward.parameterNames()));
        Graph remat = Passes.rematerialization(6).apply(joint);
        long kept = MemoryPlan.of(joint).arenaBytes();
        long recomputed = MemoryPlan.of(remat).arenaBytes();
        assertTrue(
                recomputed < 0.6 * kept, "arena " + recomputed + " bytes with rematerialization, " + kept + " without");
        Tensor x = Tensor.randn(new Generator(1), 128, 16);
        Tensor g = Tensor.randn(new Generator(2), 128, 16);
        Tensor[] expected = joint.run(x, g);
        Tensor[] actual = remat.run(x, g);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i].toArray(), actual[i].toArray(), 1e-6f, "output " + i);
        }
    }

    @Test
    void aStepCompiledWithRematerializationTrainsAsEagerCodeDoes() {
        Sequential eager = deepMlp(9, 12);
        Sequential compiled = deepMlp(9, 12);
        Adam eagerOpt = new Adam(eager.parameters(), 1e-2);
        TrainStep step = Compile.trainStep(compiled, new MSELoss(), new Adam(compiled.parameters(), 1e-2), 3);
        MSELoss loss = new MSELoss();
        Generator data = new Generator(5);
        for (int i = 0; i < 30; i++) {
            Tensor x = Tensor.randn(data, 6, 12);
            Tensor y = Tensor.randn(data, 6, 12);
            eagerOpt.zeroGrad();
            Tensor l = loss.forward(eager.forward(x), y);
            l.backward();
            eagerOpt.step();
            assertEquals(l.item(), step.step(x, y), 1e-4 * Math.max(1, l.item()), "loss at step " + i);
            assertTrue(step.isCompiled());
        }
        CompileTest.assertSameState("9-layer mlp, 3 segments", eager, compiled);
        String bad = assertThrows(
                        IllegalArgumentException.class,
                        () -> Compile.trainStep(compiled, loss, new Adam(compiled.parameters(), 1e-2), 0))
                .getMessage();
        assertTrue(bad.contains("segments >= 1"), bad);
    }
}
