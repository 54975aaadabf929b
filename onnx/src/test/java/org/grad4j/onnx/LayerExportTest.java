package org.grad4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.grad4j.nn.Embedding;
import org.grad4j.nn.LSTM;
import org.grad4j.nn.LayerNorm;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.Parameter;
import org.grad4j.nn.RNN;
import org.grad4j.nn.Sequential;
import org.grad4j.onnx.proto.OnnxProto.ModelProto;
import org.grad4j.onnx.proto.OnnxProto.NodeProto;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layers that ONNX has one operator for are exported as that operator: recurrent layers as RNN,
 * GRU and LSTM, layer norm as LayerNormalization; ONNX Runtime and the re-imported model agree
 * with grad4j as for the other exports.
 */
class LayerExportTest {
    private static List<String> ops(Supplier<Module> make, Tensor input) throws Exception {
        Generator.manualSeed(7);
        Module model = make.get();
        return ModelProto.parseFrom(Onnx.exportBytes(model, input)).getGraph().getNodeList().stream()
                .map(NodeProto::getOpType)
                .toList();
    }

    private static long count(List<String> ops, String op) {
        return ops.stream().filter(op::equals).count();
    }

    @Test
    void gruClassifierAsOneGru(@TempDir Path dir) throws Exception {
        List<String> ops = ops(ExportTest.RowReader::new, Tensor.zeros(2, 1, 28, 28));
        assertEquals(1, count(ops, "GRU"), ops.toString());
        assertFalse(ops.contains("Sigmoid"), ops.toString());
    }

    /** Two bidirectional batch-first layers: one LSTM operator per layer, with any batch size. */
    @Test
    void stackedBidirectionalLstm(@TempDir Path dir) throws Exception {
        Supplier<Module> make = () -> new Sequential(new LSTM(6, 5, 2, true, true, 0.3, true));
        Tensor input = Tensor.randn(new Generator(1), 3, 4, 6);
        ExportTest.roundTrip(make, input, dir, true, 1e-6f);
        List<String> ops = ops(make, input);
        assertEquals(2, count(ops, "LSTM"), ops.toString());
        assertFalse(ops.contains("Tanh"), ops.toString());
    }

    /**
     * An RNN with relu, on an unbatched sequence, from an initial state it is given, using its
     * final state. The input's first dim is the sequence's length, which the trace unrolls: the
     * file keeps it.
     */
    static final class ReluRnn extends Module {
        private final RNN rnn = registerModule("rnn", new RNN(4, 3, 2, "relu", false, false, 0, false));
        private final Parameter h0 = registerParameter("h0", new Parameter(Tensor.randn(new Generator(4), 2, 3)));

        @Override
        public Tensor forward(Tensor x) {
            RNN.Result r = rnn.forward(x, h0);
            return r.output().mul(r.h().sum());
        }
    }

    @Test
    void unbatchedReluRnnWithInitialState(@TempDir Path dir) throws Exception {
        Tensor input = Tensor.randn(new Generator(2), 5, 4);
        ExportTest.roundTrip(ReluRnn::new, input, dir, false, 1e-6f);
        List<String> ops = ops(ReluRnn::new, input);
        assertEquals(2, count(ops, "RNN"), ops.toString());
        assertFalse(ops.contains("Relu"), ops.toString());
    }

    @Test
    void layerNormAsLayerNormalization(@TempDir Path dir) throws Exception {
        Supplier<Module> make = () -> new Sequential(new Linear(8, 8), new LayerNorm(8));
        Tensor input = Tensor.randn(new Generator(3), 3, 8);
        ExportTest.roundTrip(make, input, dir, true, 1e-5f);
        List<String> ops = ops(make, input);
        assertEquals(1, count(ops, "LayerNormalization"), ops.toString());
        assertFalse(ops.contains("Sqrt"), ops.toString());
    }

    @Test
    void layerNormWithoutAffineOverTwoDims(@TempDir Path dir) throws Exception {
        Supplier<Module> make = () -> new Sequential(new LayerNorm(new int[] {2, 4}, 1e-3, false));
        Tensor input = Tensor.randn(new Generator(3), 3, 2, 4);
        ExportTest.roundTrip(make, input, dir, true, 1e-5f);
        assertEquals(1, count(ops(make, input), "LayerNormalization"));
    }

    /** The float indices are cast to int64 for Gather; the padding row is looked up like any other. */
    @Test
    void embeddingWithPadding(@TempDir Path dir) throws Exception {
        Supplier<Module> make = () -> new Sequential(new Embedding(10, 4, 0), new Linear(4, 2));
        Tensor input = Tensor.of(new float[] {1, 2, 0, 9, 3, 0, 7, 7, 5, 4, 0, 1}, 3, 4);
        ExportTest.roundTrip(make, input, dir, true);
        List<String> ops = ops(make, input);
        assertTrue(ops.contains("Gather") && ops.contains("Cast"), ops.toString());
    }
}
