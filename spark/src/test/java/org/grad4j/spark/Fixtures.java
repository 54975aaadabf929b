package org.grad4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.Parameter;
import org.grad4j.nn.Sequential;
import org.grad4j.nn.Tanh;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.nn.loss.Loss;
import org.grad4j.optim.Adam;
import org.grad4j.optim.Optimizer;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.grad4j.tensor.TensorScope;

/** Data, models and single-process training for the tests. */
final class Fixtures {
    static final int WIDTH = 12;
    static final int CLASSES = 4;

    private Fixtures() {}

    /** Samples whose class depends on their features, so that training has something to learn. */
    static List<Sample> samples(int n, long seed) {
        Random random = new Random(seed);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] x = new float[WIDTH];
            for (int j = 0; j < WIDTH; j++) {
                x[j] = (float) random.nextGaussian();
            }
            int label = (x[0] > 0 ? 1 : 0) + (x[1] + x[2] > 0 ? 2 : 0);
            samples.add(new Sample(x, label));
        }
        return samples;
    }

    static Module mlp() {
        Generator g = new Generator(7);
        return new Sequential(new Linear(WIDTH, 16, true, g), new Tanh(), new Linear(16, CLASSES, true, g));
    }

    static SparkTrainer.Builder trainer() {
        return SparkTrainer.builder()
                .model(Fixtures::mlp)
                .loss(CrossEntropyLoss::new)
                .optimizer(params -> new Adam(params, 1e-2))
                .batchSize(32)
                .seed(3);
    }

    /** Single-process training on the batches a SparkTrainer run with the same seed takes. */
    static Module trainLocally(
            Module model, Loss loss, Optimizer optimizer, List<Sample> samples, int batchSize, int epochs, long seed) {
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = GlobalBatches.order(seed, epoch, samples.size());
            for (int first = 0; first < order.length; first += batchSize) {
                int[] rows = Arrays.copyOfRange(order, first, Math.min(first + batchSize, order.length));
                try (TensorScope step = TensorScope.open()) {
                    Tensor value = loss.forward(model.forward(features(samples, rows)), labels(samples, rows));
                    optimizer.zeroGrad();
                    value.backward();
                    optimizer.step();
                }
            }
        }
        return model;
    }

    static Tensor features(List<Sample> samples, int[] rows) {
        float[] x = new float[rows.length * WIDTH];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(samples.get(rows[i]).features(), 0, x, i * WIDTH, WIDTH);
        }
        return Tensor.of(x, rows.length, WIDTH);
    }

    static Tensor labels(List<Sample> samples, int[] rows) {
        float[] y = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = samples.get(rows[i]).label();
        }
        return Tensor.of(y, rows.length);
    }

    /** Each parameter within 1e-5 × its largest magnitude of the expected one. */
    static void assertSameParameters(Module expected, Module actual) {
        List<Parameter> e = expected.parameters();
        List<Parameter> a = actual.parameters();
        assertEquals(e.size(), a.size());
        for (int i = 0; i < e.size(); i++) {
            float[] ev = e.get(i).toArray();
            float[] av = a.get(i).toArray();
            double scale = 0;
            double diff = 0;
            for (int j = 0; j < ev.length; j++) {
                scale = Math.max(scale, Math.abs(ev[j]));
                diff = Math.max(diff, Math.abs(ev[j] - av[j]));
            }
            assertTrue(
                    diff <= 1e-5 * scale, "parameter " + i + ": max |difference| " + diff + ", max |value| " + scale);
        }
    }
}
