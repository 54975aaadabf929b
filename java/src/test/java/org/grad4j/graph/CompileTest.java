package org.grad4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.grad4j.nn.GRU;
import org.grad4j.nn.Module;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.nn.loss.Loss;
import org.grad4j.nn.loss.MSELoss;
import org.grad4j.optim.Adam;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A compiled training step against eager training: 100 Adam steps of the same model on the same
 * batches give the same loss at every step (relative 1e-4) and the same parameters and buffers at
 * the end (max |difference| at most 1e-4 × max |value| per tensor), and each step ran as a graph.
 * The DCGAN generator's batch norms update their running statistics in every step.
 */
class CompileTest {
    static final int STEPS = 100;

    /** A model, its loss and a batch maker (input, target) for step i. */
    record Case(String name, Supplier<Module> model, Supplier<Loss> loss, BatchMaker batches) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface BatchMaker {
        Tensor[] batch(Generator gen);
    }

    static Tensor classes(Generator gen, int n, int classes) {
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = gen.nextInt(classes);
        }
        return Tensor.of(t, n);
    }

    /** A GRU reading an image's rows, classifying from its last hidden state. */
    static final class RowReader extends Module {
        final GRU gru;
        final org.grad4j.nn.Linear head;

        RowReader() {
            gru = registerModule("gru", new GRU(8, 12, 1, true, true, 0, false));
            head = registerModule("head", new org.grad4j.nn.Linear(12, 4));
        }

        @Override
        public Tensor forward(Tensor rows) {
            return head.forward(gru.forward(rows, null).h().select(0, 0));
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                        new Case("mlp", () -> Models.mlp(), CrossEntropyLoss::new, g ->
                                new Tensor[] {Tensor.randn(g, 16, 1, 6, 6), classes(g, 16, 5)}),
                        new Case("cnn", () -> Models.cnn(), CrossEntropyLoss::new, g ->
                                new Tensor[] {Tensor.randn(g, 8, 1, 8, 8), classes(g, 8, 5)}),
                        new Case("gru classifier", RowReader::new, CrossEntropyLoss::new, g ->
                                new Tensor[] {Tensor.randn(g, 6, 8, 8), classes(g, 6, 4)}),
                        new Case("autoencoder", () -> Models.autoencoder(), MSELoss::new, g -> {
                            Tensor x = Tensor.rand(g, 10, 36);
                            return new Tensor[] {x, x};
                        }),
                        new Case("dcgan generator", () -> Models.generator(), MSELoss::new, g -> new Tensor[] {
                            Tensor.randn(g, 8, 6),
                            Tensor.rand(g, 8, 1, 8, 8).mul(2f).sub(1f)
                        }))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compiledTrainingMatchesEager(Case c) {
        Generator.manualSeed(7);
        Module eager = c.model.get();
        Generator.manualSeed(7);
        Module compiled = c.model.get();
        Loss eagerLoss = c.loss.get();
        Adam eagerOpt = new Adam(eager.parameters(), 1e-2);
        TrainStep step = Compile.trainStep(compiled, c.loss.get(), new Adam(compiled.parameters(), 1e-2));
        Generator data = new Generator(11);
        for (int i = 0; i < STEPS; i++) {
            Tensor[] b = c.batches.batch(data);
            eagerOpt.zeroGrad();
            Tensor loss = eagerLoss.forward(eager.forward(b[0]), b[1]);
            loss.backward();
            eagerOpt.step();
            float got = step.step(b[0], b[1]);
            assertTrue(step.isCompiled(), c + ": step " + i + " ran eagerly");
            assertEquals(loss.item(), got, 1e-4 * Math.max(1, Math.abs(loss.item())), c + ": loss at step " + i);
        }
        assertSameState(c.name, eager, compiled);
        compiled.namedBuffers().forEach((name, b) -> {
            if (name.endsWith("num_batches_tracked")) {
                assertEquals(STEPS, b.item(), c + ": " + name);
            }
        });
    }

    /** Every parameter and buffer within 1e-4 × its max |value|. */
    static void assertSameState(String what, Module expected, Module actual) {
        Map<String, Tensor> e = expected.stateDict();
        Map<String, Tensor> a = actual.stateDict();
        assertEquals(e.keySet(), a.keySet());
        for (String name : e.keySet()) {
            float[] x = e.get(name).toArray();
            float[] y = a.get(name).toArray();
            float max = 0;
            float diff = 0;
            for (int i = 0; i < x.length; i++) {
                max = Math.max(max, Math.abs(x[i]));
                diff = Math.max(diff, Math.abs(x[i] - y[i]));
            }
            assertTrue(
                    diff <= 1e-4 * Math.max(max, 1e-6),
                    what + ": " + name + " differs by " + diff + " (max " + max + ")");
        }
    }

    static List<String> names(Module m) {
        return List.copyOf(m.namedParameters().keySet());
    }
}
