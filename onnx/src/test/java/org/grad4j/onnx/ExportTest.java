package org.grad4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.grad4j.nn.AvgPool2d;
import org.grad4j.nn.BatchNorm1d;
import org.grad4j.nn.BatchNorm2d;
import org.grad4j.nn.Conv2d;
import org.grad4j.nn.ConvTranspose2d;
import org.grad4j.nn.Dropout;
import org.grad4j.nn.ELU;
import org.grad4j.nn.Flatten;
import org.grad4j.nn.GRU;
import org.grad4j.nn.LeakyReLU;
import org.grad4j.nn.Linear;
import org.grad4j.nn.LogSoftmax;
import org.grad4j.nn.MaxPool2d;
import org.grad4j.nn.Module;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.nn.Sigmoid;
import org.grad4j.nn.Softmax;
import org.grad4j.nn.Softplus;
import org.grad4j.nn.Tanh;
import org.grad4j.nn.Unflatten;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples' models exported: ONNX Runtime runs each file and gives grad4j's outputs (within
 * 1e-5 absolute + 1e-4 relative), and importing it back into grad4j gives them exactly.
 */
class ExportTest {
    private static Module mlp() {
        return new Sequential(
                new Flatten(), new Linear(784, 400), new ReLU(), new Linear(400, 100), new ReLU(), new Linear(100, 10));
    }

    private static Module cnn() {
        return new Sequential(
                new Conv2d(1, 32, 3, 1, 1),
                new ReLU(),
                new MaxPool2d(2),
                new Conv2d(32, 64, 3, 1, 1),
                new ReLU(),
                new MaxPool2d(2),
                new Flatten(),
                new Dropout(0.25),
                new Linear(3136, 128),
                new ReLU(),
                new Linear(128, 10),
                new LogSoftmax(1));
    }

    private static Module autoencoder() {
        return new Sequential(
                new Flatten(),
                new Linear(784, 256),
                new ReLU(),
                new Linear(256, 64),
                new ReLU(),
                new Linear(64, 256),
                new ReLU(),
                new Linear(256, 784),
                new Sigmoid(),
                new Unflatten(1, 1, 28, 28));
    }

    private static Module generator() {
        int width = 64;
        return new Sequential(
                new Linear(16, width * 7 * 7),
                new BatchNorm1d(width * 7 * 7),
                new ReLU(),
                new Unflatten(1, width, 7, 7),
                new ConvTranspose2d(width, width / 2, 4, 2, 1),
                new BatchNorm2d(width / 2),
                new LeakyReLU(0.2),
                new ConvTranspose2d(width / 2, 1, 4, 2, 1),
                new Tanh());
    }

    /** The rnn example's classifier: a GRU over the image's rows, then a Linear head. */
    static final class RowReader extends Module {
        private final GRU gru = registerModule("gru", new GRU(28, 32, 1, true, true, 0, false));
        private final Linear head = registerModule("head", new Linear(32, 10));

        @Override
        public Tensor forward(Tensor images) {
            return head.forward(
                    gru.forward(images.reshape(-1, 28, 28), null).h().select(0, 0));
        }
    }

    static void roundTrip(Supplier<Module> make, Tensor input, Path dir, boolean anyBatch) throws Exception {
        roundTrip(make, input, dir, anyBatch, 0f);
    }

    /** {@code tolerance}: how far re-imported outputs may be from grad4j's (0 when the file has grad4j's own ops). */
    static void roundTrip(Supplier<Module> make, Tensor input, Path dir, boolean anyBatch, float tolerance)
            throws Exception {
        Generator.manualSeed(7);
        Module model = make.get();
        if (!model.namedBuffers().isEmpty()) {
            // batch norm with running statistics of its own, not the initial zeros and ones
            model.train();
            model.forward(Tensor.randn(new Generator(5), input.shape()));
        }
        model.eval();
        Tensor expected = model.forward(input);
        Path file = dir.resolve("model.onnx");
        Onnx.export(model, input, file);

        OnnxModel back = OnnxModel.load(file);
        Tensor again = back.run(Map.of("input", input)).get("output");
        assertArrayEquals(expected.shape(), again.shape());
        assertArrayEquals(expected.toArray(), again.toArray(), tolerance, "re-imported model");
        assertEquals(anyBatch ? -1 : input.size(0), back.inputs().get(0).shape()[0], "the batch dim");
        assertEquals(anyBatch ? -1 : input.size(0), back.outputs().get(0).shape()[0], "the output's batch dim");
        ortMatches(file, input, expected);
        if (anyBatch) {
            // the file takes another batch size, here one more than the example's
            Tensor larger = Tensor.cat(0, input, input.narrow(0, 0, 1));
            Tensor want = model.forward(larger);
            assertArrayEquals(
                    want.toArray(),
                    back.run(Map.of("input", larger)).get("output").toArray(),
                    1e-6f);
            ortMatches(file, larger, want);
        }
        assertTrue(!model.isTraining(), "export keeps the model's mode");
    }

    private static void ortMatches(Path file, Tensor input, Tensor expected) throws Exception {

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(Files.readAllBytes(file), new OrtSession.SessionOptions());
                OnnxTensor x = OnnxTensor.createTensor(
                        env,
                        FloatBuffer.wrap(input.toArray()),
                        Arrays.stream(input.shape()).asLongStream().toArray());
                OrtSession.Result result = session.run(Map.of("input", x))) {
            OnnxTensor y = (OnnxTensor) result.get(0);
            assertArrayEquals(
                    Arrays.stream(expected.shape()).asLongStream().toArray(),
                    y.getInfo().getShape());
            FloatBuffer got = y.getFloatBuffer();
            float[] want = expected.toArray();
            for (int i = 0; i < want.length; i++) {
                float g = got.get(i);
                assertTrue(
                        Math.abs(g - want[i]) <= 1e-5 + 1e-4 * Math.abs(want[i]),
                        "ONNX Runtime element " + i + ": " + g + ", grad4j " + want[i]);
            }
        }
    }

    private static Tensor images(int batch) {
        return Tensor.rand(new Generator(11), batch, 1, 28, 28);
    }

    @Test
    void mlp(@TempDir Path dir) throws Exception {
        roundTrip(ExportTest::mlp, images(4), dir, true);
    }

    @Test
    void cnn(@TempDir Path dir) throws Exception {
        roundTrip(ExportTest::cnn, images(3), dir, true);
    }

    @Test
    void autoencoder(@TempDir Path dir) throws Exception {
        roundTrip(ExportTest::autoencoder, images(2), dir, true);
    }

    @Test
    void dcganGenerator(@TempDir Path dir) throws Exception {
        roundTrip(ExportTest::generator, Tensor.randn(new Generator(3), 4, 16), dir, true);
    }

    @Test
    void gruClassifier(@TempDir Path dir) throws Exception {
        roundTrip(RowReader::new, images(2), dir, true, 1e-6f);
    }

    /** The layers the examples do not use: ELU, Softplus with β = 2, padded average pooling, Softmax. */
    @Test
    void otherLayers(@TempDir Path dir) throws Exception {
        roundTrip(
                () -> new Sequential(
                        new Conv2d(1, 4, 3, 1, 1),
                        new BatchNorm2d(4),
                        new ELU(0.5),
                        new AvgPool2d(3, 2, 1),
                        new Dropout(0.5),
                        new Flatten(),
                        new Linear(4 * 14 * 14, 16),
                        new Softplus(2, 20),
                        new Linear(16, 5),
                        new Softmax(1)),
                images(2),
                dir,
                true);
    }

    @Test
    void restoresTrainingModeAndNamesInitializersByParameterNames() throws OrtException {
        Module m = mlp();
        m.train();
        OnnxModel back = OnnxModel.load(Onnx.exportBytes(m, images(1)));
        assertTrue(m.isTraining());
        assertEquals(m.namedParameters().keySet(), back.namedParameters().keySet());
    }

    /** Opset 17 has no Gelu: the file computes it with Erf, so it agrees with grad4j's fused gelu up to rounding. */
    @Test
    void geluAsErf(@TempDir Path dir) throws Exception {
        roundTrip(
                () -> new Sequential(new Linear(6, 5), new org.grad4j.nn.GELU()),
                Tensor.randn(new Generator(2), 3, 6),
                dir,
                true,
                1e-6f);
    }

    /** floor and ceil as ONNX's Floor and Ceil; trunc with them, since opset 17 has no Trunc. */
    @Test
    void rounding(@TempDir Path dir) throws Exception {
        Module rounding = new Module() {
            @Override
            public Tensor forward(Tensor x) {
                Tensor quarters = x.mul(4f);
                return Tensor.cat(1, quarters.floor(), quarters.ceil(), quarters.trunc());
            }
        };
        Tensor input = Tensor.of(
                new float[] {-2.5f, -1.5f, -0.5f, -0f, 0.3f, 1.5f, -0.3f, 0.1f, 8388609f, -3e9f, 2f, -1.1f}, 2, 6);
        roundTrip(() -> rounding, input, dir, true);
    }

    @Test
    void refusesOpsItDoesNotExport() {
        Tensor target = Tensor.of(new float[] {1, 0}, 2);
        Module loss = new Module() {
            @Override
            public Tensor forward(Tensor x) {
                return x.crossEntropy(target);
            }
        };
        OnnxException e = assertThrows(OnnxException.class, () -> Onnx.exportBytes(loss, Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("crossEntropy"), e.getMessage());
    }
}
