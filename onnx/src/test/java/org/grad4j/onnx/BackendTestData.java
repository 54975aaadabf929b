package org.grad4j.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.grad4j.onnx.proto.OnnxProto.ModelProto;
import org.grad4j.onnx.proto.OnnxProto.NodeProto;
import org.grad4j.onnx.proto.OnnxProto.TensorProto;
import org.grad4j.onnx.proto.OnnxProto.ValueInfoProto;

/**
 * ONNX's backend test data as Debian's {@code libonnx-testdata} installs it: each test a folder
 * with {@code model.onnx} and {@code test_data_set_*} folders of input and output tensors.
 */
final class BackendTestData {
    static final Path ROOT = Path.of("/usr/share/libonnx-testdata/data");
    static final List<String> SUITES = List.of("node", "pytorch-converted", "pytorch-operator", "simple");

    /** The operators grad4j imports: a test whose model uses only these is in the set grad4j must pass. */
    static final Set<String> OPS = Set.of(
            "Abs",
            "Add",
            "Sub",
            "Mul",
            "Div",
            "Neg",
            "Pow",
            "Sqrt",
            "Exp",
            "Log",
            "Reciprocal",
            "Relu",
            "LeakyRelu",
            "Sigmoid",
            "Tanh",
            "Softplus",
            "Elu",
            "Selu",
            "HardSigmoid",
            "Clip",
            "Erf",
            "Floor",
            "Ceil",
            "Sign",
            "PRelu",
            "Mod",
            "MatMul",
            "Gemm",
            "Conv",
            "ConvTranspose",
            "MaxPool",
            "AveragePool",
            "GlobalAveragePool",
            "GlobalMaxPool",
            "BatchNormalization",
            "LayerNormalization",
            "Softmax",
            "LogSoftmax",
            "Reshape",
            "Flatten",
            "Transpose",
            "Squeeze",
            "Unsqueeze",
            "Concat",
            "Split",
            "Slice",
            "Gather",
            "GatherElements",
            "Where",
            "Equal",
            "Greater",
            "Less",
            "Identity",
            "Dropout",
            "Constant",
            "ConstantOfShape",
            "Shape",
            "Size",
            "Expand",
            "Cast",
            "Tile",
            "Pad",
            "ReduceSum",
            "ReduceMean",
            "ReduceMax",
            "ReduceMin",
            "ReduceSumSquare",
            "ReduceL1",
            "ReduceL2",
            "ArgMax",
            "ArgMin",
            "Max",
            "Min",
            "Sum",
            "Mean",
            "RNN",
            "GRU",
            "LSTM",
            "NegativeLogLikelihoodLoss",
            "SoftmaxCrossEntropyLoss");

    /** One test: its folder, and why it is outside the set (null when it is in it). */
    record Case(String suite, Path dir, String excluded) {
        String name() {
            return suite + "/" + dir.getFileName();
        }
    }

    private BackendTestData() {}

    static void requireInstalled() {
        if (!Files.isDirectory(ROOT)) {
            throw new IllegalStateException("ONNX's backend test data is missing: install the Debian package "
                    + "libonnx-testdata (apt-get install libonnx-testdata), which puts it in " + ROOT);
        }
    }

    static List<Case> cases() throws IOException {
        requireInstalled();
        List<Case> all = new ArrayList<>();
        for (String suite : SUITES) {
            try (Stream<Path> dirs = Files.list(ROOT.resolve(suite))) {
                for (Path dir : dirs.sorted().toList()) {
                    if (Files.isRegularFile(dir.resolve("model.onnx"))) {
                        all.add(new Case(suite, dir, exclusion(dir)));
                    }
                }
            }
        }
        return all;
    }

    /** Why a test is outside the set: an operator not in the list, or inputs/outputs not float32/int64. */
    private static String exclusion(Path dir) throws IOException {
        ModelProto m = OnnxModel.parse(Files.readAllBytes(dir.resolve("model.onnx")));
        Set<String> foreign = new TreeSet<>();
        for (NodeProto n : m.getGraph().getNodeList()) {
            if (!OPS.contains(n.getOpType())
                    || !(n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx"))) {
                foreign.add(n.getOpType());
            }
        }
        if (!foreign.isEmpty()) {
            return "uses operators outside the list: " + foreign;
        }
        List<ValueInfoProto> io = new ArrayList<>(m.getGraph().getInputList());
        io.addAll(m.getGraph().getOutputList());
        for (ValueInfoProto v : io) {
            int type = v.getType().getTensorType().getElemType();
            if (!v.getType().hasTensorType()
                    || (type != TensorProto.DataType.FLOAT_VALUE && type != TensorProto.DataType.INT64_VALUE)) {
                return "'" + v.getName() + "' is "
                        + (v.getType().hasTensorType() ? OnnxType.onnxName(type) : "not a tensor")
                        + ", not float32 or int64";
            }
        }
        return null;
    }

    /** The tensors of one data set's files with this prefix (input_0.pb, input_1.pb, ...), in order. */
    static List<TensorProto> tensors(Path set, String prefix) throws IOException {
        List<TensorProto> out = new ArrayList<>();
        for (int i = 0; Files.exists(set.resolve(prefix + i + ".pb")); i++) {
            out.add(TensorProto.parseFrom(Files.readAllBytes(set.resolve(prefix + i + ".pb"))));
        }
        return out;
    }

    static Map<String, Integer> count(List<String> reasons) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String r : reasons) {
            counts.merge(r, 1, Integer::sum);
        }
        return counts;
    }
}
