package org.grad4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.grad4j.autograd.GradMode;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Threads sharing a model for inference, and threads each running autograd on their own graph,
 * get exactly (bit for bit) what the same work gives serially. Runs on the default backend, so
 * grad4j-native runs it against the native kernels too.
 */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 20;

    private static Module model() {
        return new Sequential(
                new Linear(64, 128, true, new Generator(1)), new ReLU(), new Linear(128, 10, true, new Generator(2)));
    }

    @Test
    void oneModelEvaluatedFromEightThreadsMatchesSerialEvaluation() throws Exception {
        Module model = model().eval();
        List<Tensor> inputs = new ArrayList<>();
        List<float[]> serial = new ArrayList<>();
        try (Scope ignored = GradMode.noGrad()) {
            for (int t = 0; t < THREADS; t++) {
                inputs.add(Tensor.randn(new Generator(100 + t), 32, 64));
                serial.add(model.forward(inputs.get(t)).toArray());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<float[]>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Tensor x = inputs.get(t);
                futures.add(pool.submit(() -> {
                    List<float[]> outs = new ArrayList<>();
                    try (Scope ignored = GradMode.noGrad()) {
                        for (int r = 0; r < ROUNDS; r++) {
                            outs.add(model.forward(x).toArray());
                        }
                    }
                    return outs;
                }));
            }
            for (int t = 0; t < THREADS; t++) {
                for (float[] out : futures.get(t).get()) {
                    assertArrayEquals(serial.get(t), out, "thread " + t);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void autogradOnSeparateGraphsInSeparateThreadsIsIndependent() throws Exception {
        List<float[]> serial = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            serial.add(gradients(t));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    float[] last = null;
                    for (int r = 0; r < ROUNDS / 4; r++) {
                        last = gradients(seed);
                    }
                    return last;
                }));
            }
            for (int t = 0; t < THREADS; t++) {
                assertArrayEquals(serial.get(t), futures.get(t).get(), "thread " + t);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The gradient of every parameter of a fresh model after one backward, flattened. */
    private static float[] gradients(int seed) {
        Module model = model();
        Tensor x = Tensor.randn(new Generator(200 + seed), 16, 64);
        Tensor target = Tensor.of(new float[] {seed % 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5}, 16);
        model.forward(x).crossEntropy(target).backward();
        List<Float> all = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            for (float v : p.grad().toArray()) {
                all.add(v);
            }
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }
}
