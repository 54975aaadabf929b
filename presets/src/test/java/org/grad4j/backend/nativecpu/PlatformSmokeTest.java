package org.grad4j.backend.nativecpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.grad4j.backend.Backend;
import org.grad4j.optim.Adam;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * One small training step on the platform's native libraries against the Java backend: matmul,
 * conv2d, max pool, softmax with cross-entropy and an Adam step, forward and backward; in every
 * build, and under emulation for a platform the build machine cannot run (the cross-linux-arm64
 * profile of this module's pom).
 */
class PlatformSmokeTest {
    @Test
    void aTrainingStepMatchesTheJavaBackend() {
        Map<String, float[]> expected = step(Parity.javaBackend());
        Map<String, float[]> actual = step(new NativeBackend());
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            Parity.same(name, expected.get(name), actual.get(name), 1e-4, 1e-5);
        }
    }

    /** The values of each stage of one step, by name, computed on {@code backend}. */
    private static Map<String, float[]> step(Backend backend) {
        SplittableRandom random = new SplittableRandom(17);
        Map<String, float[]> values = new LinkedHashMap<>();
        try (Scope ignored = Backend.use(backend)) {
            Tensor x = Tensor.of(uniform(random, 4 * 3 * 10 * 10, 1), 4, 3, 10, 10);
            Tensor kernel = leaf(uniform(random, 6 * 3 * 3 * 3, 0.3), 6, 3, 3, 3);
            Tensor bias = leaf(uniform(random, 6, 0.1), 6);
            Tensor dense = leaf(uniform(random, 150 * 10, 0.1), 150, 10);
            Tensor target = Tensor.of(new float[] {3, 0, 9, 5}, 4);

            Tensor conv = x.conv2d(kernel, bias, 1, 1);
            Tensor pooled = conv.relu().maxPool2d(2);
            Tensor logits = pooled.flatten(1, 3).matmul(dense);
            Tensor loss = logits.crossEntropy(target);
            loss.backward();
            values.put("conv2d", conv.toArray());
            values.put("max pool", pooled.toArray());
            values.put("matmul", logits.toArray());
            values.put("softmax", logits.softmax(1).toArray());
            values.put("cross-entropy", loss.toArray());
            values.put("conv2d weight gradient", kernel.grad().toArray());
            values.put("conv2d bias gradient", bias.grad().toArray());
            values.put("matmul weight gradient", dense.grad().toArray());

            new Adam(List.of(kernel, bias, dense), 0.01).step();
            values.put("conv2d weight after Adam", kernel.toArray());
            values.put("matmul weight after Adam", dense.toArray());
        }
        return values;
    }

    private static Tensor leaf(float[] data, int... shape) {
        return Tensor.of(data, shape).requiresGrad(true);
    }

    private static float[] uniform(SplittableRandom random, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextDouble(-scale, scale));
        }
        return v;
    }
}
