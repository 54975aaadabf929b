package org.grad4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.grad4j.autograd.GradMode;
import org.grad4j.backend.Threads;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The same seed gives a bit-identical training run: every loss and every parameter and buffer
 * at the end. The model has the parts that consume randomness or reduce in parallel (init,
 * dropout, batch norm, conv, pooling, matmul); it runs on the default backend, so grad4j-native
 * runs it against the native kernels too.
 */
class DeterminismTest {
    record Run(List<Float> losses, Map<String, Tensor> state) {}

    static Run train(long seed) {
        Generator gen = new Generator(seed);
        Module model = new Sequential(
                new Conv2d(1, 4, 3, 1, 1, 1, 1, true, gen),
                new BatchNorm2d(4),
                new ReLU(),
                new MaxPool2d(2),
                new Flatten(),
                new Dropout(0.25, gen),
                new Linear(64, 32, true, gen),
                new Tanh(),
                new Linear(32, 10, true, gen));
        Tensor images = Tensor.randn(gen, 64, 1, 8, 8);
        float[] classes = new float[64];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = gen.nextInt(10);
        }
        Tensor labels = Tensor.of(classes, 64);
        List<Float> losses = new ArrayList<>();
        for (int step = 0; step < 25; step++) {
            int from = step % 4 * 16;
            Tensor loss = model.forward(images.narrow(0, from, 16)).crossEntropy(labels.narrow(0, from, 16));
            model.zeroGrad();
            loss.backward();
            try (Scope ignored = GradMode.noGrad()) {
                for (Parameter p : model.parameters()) {
                    p.sub_(p.grad().mul(0.1f));
                }
            }
            losses.add(loss.item());
        }
        return new Run(losses, model.stateDict());
    }

    @Test
    void theSameSeedGivesABitIdenticalRun() {
        assertBitIdentical(train(7), train(7));
    }

    static void assertBitIdentical(Run first, Run second) {
        assertEquals(first.losses(), second.losses());
        assertEquals(first.state().keySet(), second.state().keySet());
        first.state()
                .forEach((name, t) ->
                        assertArrayEquals(t.toArray(), second.state().get(name).toArray(), 0f, name));
    }

    @Test
    void theSameSeedGivesABitIdenticalRunOnOneThread() {
        int before = Threads.get();
        Threads.set(1);
        try {
            assertBitIdentical(train(7), train(7));
        } finally {
            Threads.set(before);
        }
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        assertNotEquals(train(7).losses(), train(8).losses());
    }
}
