package org.grad4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.grad4j.nn.Dropout;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.Parameter;
import org.grad4j.nn.Sequential;
import org.grad4j.nn.Tanh;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class CheckpointingTest {
    private static Sequential model() {
        Generator.manualSeed(11);
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            layers.add(new Linear(8, 8));
            layers.add(new Tanh());
            layers.add(new Dropout(0.2));
        }
        return new Sequential(layers.toArray(new Module[0]));
    }

    private static List<float[]> gradients(Sequential m) {
        List<float[]> g = new ArrayList<>();
        for (Parameter p : m.parameters()) {
            g.add(p.grad().toArray());
        }
        return g;
    }

    @Test
    void checkpointedSegmentsGiveTheGradientsOfThePlainModelDropoutIncluded() {
        Tensor x = Tensor.randn(new Generator(1), 5, 8);
        for (int segments : new int[] {1, 3, 6, 18}) {
            Sequential plain = model();
            Generator.manualSeed(5);
            Tensor expected = plain.forward(x);
            expected.square().sum().backward();

            Sequential checkpointed = model();
            Generator.manualSeed(5);
            Tensor y = Checkpointing.checkpointSequential(checkpointed, segments, x);
            assertArrayEquals(expected.toArray(), y.toArray(), segments + " segments: output");
            y.square().sum().backward();
            List<float[]> want = gradients(plain);
            List<float[]> got = gradients(checkpointed);
            for (int i = 0; i < want.size(); i++) {
                assertArrayEquals(want.get(i), got.get(i), 1e-6f, segments + " segments: parameter " + i);
            }
        }
    }

    @Test
    void gradientsReachTheInputsOfACheckpointedFunction() {
        Tensor a = Tensor.of(new float[] {1, 2, 3}).requiresGrad(true);
        Tensor b = Tensor.of(new float[] {4, 5, 6}).requiresGrad(true);
        Tensor y = Checkpointing.checkpoint(in -> in[0].mul(in[1]).exp().sum(), a, b);
        assertEquals("checkpoint", y.gradFn().name());
        y.backward();
        float[] ga = a.grad().toArray();
        for (int i = 0; i < 3; i++) {
            float bi = 4 + i;
            assertEquals(bi * (float) Math.exp((1 + i) * bi), ga[i], 1e-3f * ga[i]);
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Checkpointing.checkpoint(null, Tensor.ones(1)));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Checkpointing.checkpointSequential(model(), 19, Tensor.ones(1, 8)));
        assertEquals(
                "checkpointSequential: segments must be in [1, 18] for a model of 18 layers, got 19", e.getMessage());
    }
}
