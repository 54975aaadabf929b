package org.grad4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.grad4j.nn.BatchNorm1d;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.optim.Adam;
import org.grad4j.optim.Optimizer;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint of model, optimizer and epoch resumes training exactly where it stopped. */
class CheckpointTest {
    @TempDir
    Path dir;

    private static Module model(long seed) {
        Generator gen = new Generator(seed);
        return new Sequential(
                new Linear(6, 16, true, gen), new BatchNorm1d(16), new ReLU(), new Linear(16, 3, true, gen));
    }

    private static void train(Module model, Optimizer opt, int from, int to) {
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        for (int step = from; step < to; step++) {
            Generator data = new Generator(1000 + step);
            Tensor x = Tensor.randn(data, 8, 6);
            float[] labels = new float[8];
            for (int i = 0; i < 8; i++) {
                labels[i] = data.nextInt(3);
            }
            Tensor loss = criterion.forward(model.forward(x), Tensor.of(labels, 8));
            opt.zeroGrad();
            loss.backward();
            opt.step();
        }
    }

    @Test
    void resumingFromACheckpointContinuesExactly() throws IOException {
        Module uninterrupted = model(1);
        train(
                uninterrupted,
                new Adam(
                        uninterrupted.parameters(),
                        Adam.Options.defaults().lr(0.01).weightDecay(1e-3)),
                0,
                12);

        Module before = model(1);
        Adam beforeOpt =
                new Adam(before.parameters(), Adam.Options.defaults().lr(0.01).weightDecay(1e-3));
        train(before, beforeOpt, 0, 5);
        Path file = dir.resolve("ckpt.safetensors");
        Checkpoint.builder()
                .model("model", before)
                .optimizer("optimizer", beforeOpt)
                .metadata("step", "5")
                .save(file);

        Module after = model(42);
        Adam afterOpt = new Adam(after.parameters(), 0.5);
        Checkpoint c = Checkpoint.load(file);
        c.loadModel("model", after);
        c.loadOptimizer("optimizer", afterOpt);
        int step = Integer.parseInt(c.metadata().get("step"));
        train(after, afterOpt, step, 12);

        uninterrupted
                .stateDict()
                .forEach((name, t) -> assertArrayEquals(
                        t.toArray(), after.stateDict().get(name).toArray(), 0f, name));
        assertEquals(0.01, afterOpt.paramGroups().get(0).lr());
    }

    @Test
    void loadingIntoAModelOfAnotherShapeFailsClearly() throws IOException {
        Path file = dir.resolve("m.safetensors");
        Checkpoint.builder().model("model", model(1)).save(file);
        Module other = new Sequential(new Linear(6, 4));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(file).loadModel("model", other));
    }
}
