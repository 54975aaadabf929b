package org.grad4j.onnx;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.grad4j.nn.Module;
import org.grad4j.nn.Parameter;
import org.grad4j.onnx.proto.OnnxProto.GraphProto;
import org.grad4j.onnx.proto.OnnxProto.ModelProto;
import org.grad4j.onnx.proto.OnnxProto.NodeProto;
import org.grad4j.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.grad4j.onnx.proto.OnnxProto.TensorProto;
import org.grad4j.onnx.proto.OnnxProto.TensorShapeProto;
import org.grad4j.onnx.proto.OnnxProto.ValueInfoProto;
import org.grad4j.tensor.Tensor;

/**
 * An ONNX model loaded into grad4j. It runs on grad4j's ops, so the outputs of {@link #run} carry
 * autograd history to the model's float initializers, which are {@link Parameter}s with their ONNX
 * names ({@link #parameters()}): a loss of the outputs fine-tunes them with any optimizer.
 * Integer and boolean initializers and the shape arithmetic on them stay exact.
 *
 * <pre>{@code
 * OnnxModel model = OnnxModel.load(Path.of("mnist.onnx"));
 * Tensor logits = model.run(Map.of("input", images)).get("output");
 * }</pre>
 */
public final class OnnxModel {
    private final int opset;
    private final List<OnnxNode> nodes;
    private final List<OnnxValueInfo> inputs;
    private final List<OnnxValueInfo> outputs;
    private final Map<String, Value> constants;
    private final Map<String, Parameter> parameters;
    private final Module module;

    private OnnxModel(ModelProto model, Path folder) {
        if (!model.hasGraph()) {
            throw new OnnxException("the model has no graph");
        }
        this.opset = opset(model);
        GraphProto g = model.getGraph();
        Set<String> defined = new HashSet<>();
        constants = new HashMap<>();
        parameters = new LinkedHashMap<>();
        ParameterTree tree = new OnnxModule(this);
        for (TensorProto t : g.getInitializerList()) {
            if (!defined.add(t.getName())) {
                throw new OnnxException("initializer '" + t.getName() + "' is defined twice");
            }
            Value v = TensorProtos.read(t, folder);
            if (v.type == OnnxType.FLOAT) {
                Parameter p = new Parameter(v.tensor(t.getName()));
                parameters.put(t.getName(), p);
                tree.add(t.getName(), p);
            } else {
                constants.put(t.getName(), v);
            }
        }
        this.module = tree;
        List<OnnxValueInfo> in = new ArrayList<>();
        for (ValueInfoProto v : g.getInputList()) {
            // before IR version 4, initializers are listed as inputs too
            if (!parameters.containsKey(v.getName()) && !constants.containsKey(v.getName())) {
                if (!defined.add(v.getName())) {
                    throw new OnnxException("input '" + v.getName() + "' is defined twice");
                }
                in.add(info(v));
            }
        }
        this.inputs = Collections.unmodifiableList(in);
        List<OnnxNode> list = new ArrayList<>();
        for (NodeProto p : g.getNodeList()) {
            OnnxNode node = new OnnxNode(p, opset);
            if (!p.getDomain().isEmpty() && !p.getDomain().equals("ai.onnx")) {
                throw node.error("is in domain '" + p.getDomain() + "'; grad4j runs the default ONNX domain");
            }
            if (Operators.get(p.getOpType()) == null) {
                throw node.error("is not supported by grad4j (supported: " + Operators.names() + ")");
            }
            for (String input : p.getInputList()) {
                if (!input.isEmpty() && !defined.contains(input)) {
                    throw node.error("uses '" + input + "', which no input, initializer or earlier node defines"
                            + " (an undefined value, or a cycle)");
                }
            }
            for (String output : p.getOutputList()) {
                if (!output.isEmpty() && !defined.add(output)) {
                    throw node.error("defines '" + output + "' again");
                }
            }
            list.add(node);
        }
        this.nodes = Collections.unmodifiableList(list);
        List<OnnxValueInfo> out = new ArrayList<>();
        for (ValueInfoProto v : g.getOutputList()) {
            if (!defined.contains(v.getName())) {
                throw new OnnxException("output '" + v.getName() + "' is not defined by the graph");
            }
            out.add(info(v));
        }
        this.outputs = Collections.unmodifiableList(out);
    }

    /**
     * Loads a model file; external data is read from the file's folder.
     *
     * @param file the {@code .onnx} file
     * @return the model
     * @throws OnnxException if the file is not a model grad4j can run, naming the node or tensor
     * @throws IOException if the file cannot be read
     */
    public static OnnxModel load(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        return new OnnxModel(parse(Files.readAllBytes(file)), folder);
    }

    /**
     * Loads a model from its bytes (a model with external data must be loaded from its file).
     *
     * @param bytes the serialized ModelProto
     * @return the model
     * @throws OnnxException if the bytes are not a model grad4j can run, naming the node or tensor
     */
    public static OnnxModel load(byte[] bytes) {
        return new OnnxModel(parse(bytes), null);
    }

    static ModelProto parse(byte[] bytes) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            in.setRecursionLimit(64);
            ModelProto model = ModelProto.parseFrom(in);
            WireTypes.check(model);
            return model;
        } catch (IOException e) {
            throw new OnnxException("not a readable ONNX model (" + bytes.length + " bytes): " + e.getMessage(), e);
        }
    }

    private static int opset(ModelProto model) {
        long version = -1;
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                version = o.getVersion();
            }
        }
        if (version < 0 && model.getOpsetImportCount() == 0) {
            version = 1;
        }
        if (version < Operators.MIN_OPSET || version > Operators.MAX_OPSET) {
            throw new OnnxException("the model imports opset " + version + " of the default domain; grad4j runs opsets "
                    + Operators.MIN_OPSET + " to " + Operators.MAX_OPSET);
        }
        return (int) version;
    }

    private static OnnxValueInfo info(ValueInfoProto v) {
        if (!v.hasType() || !v.getType().hasTensorType()) {
            throw new OnnxException("value '" + v.getName() + "' is not a tensor");
        }
        var tt = v.getType().getTensorType();
        OnnxType type = OnnxType.of(tt.getElemType());
        if (type == null) {
            throw new OnnxException("value '" + v.getName() + "' has element type "
                    + OnnxType.onnxName(tt.getElemType()) + "; grad4j reads FLOAT, INT64 and BOOL");
        }
        long[] shape = null;
        if (tt.hasShape()) {
            shape = new long[tt.getShape().getDimCount()];
            for (int i = 0; i < shape.length; i++) {
                TensorShapeProto.Dimension d = tt.getShape().getDim(i);
                shape[i] = d.hasDimValue() ? d.getDimValue() : -1;
            }
        }
        return new OnnxValueInfo(v.getName(), type, shape);
    }

    /**
     * The opset of the default domain the model imports.
     *
     * @return the version, 1 to 17
     */
    public int opset() {
        return opset;
    }

    /**
     * The inputs the caller gives (initializers not included).
     *
     * @return the inputs in the model's order
     */
    public List<OnnxValueInfo> inputs() {
        return inputs;
    }

    /**
     * The model's outputs.
     *
     * @return the outputs in the model's order
     */
    public List<OnnxValueInfo> outputs() {
        return outputs;
    }

    /**
     * The float initializers, as parameters under their ONNX names, in the model's order.
     *
     * @return name to parameter
     */
    public Map<String, Parameter> namedParameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /**
     * The float initializers as parameters, for an optimizer.
     *
     * @return the parameters
     */
    public List<Parameter> parameters() {
        return List.copyOf(parameters.values());
    }

    /**
     * The model as a module of one input and one output, whose parameters are the model's float
     * initializers under their ONNX names.
     *
     * @return the module
     * @throws OnnxException if the model has more than one input or output
     */
    public Module asModule() {
        if (inputs.size() != 1 || outputs.size() != 1) {
            throw new OnnxException("asModule: the model has " + inputs.size() + " inputs and " + outputs.size()
                    + " outputs; a module has one of each: use run");
        }
        return module;
    }

    /** The model as a module: its initializers as parameters, its forward a run. */
    private static final class OnnxModule extends ParameterTree {
        private final OnnxModel model;

        OnnxModule(OnnxModel model) {
            this.model = model;
        }

        @Override
        public Tensor forward(Tensor input) {
            return model.forward(input);
        }

        @Override
        protected String extraRepr() {
            return "opset " + model.opset + ", " + model.nodes.size() + " nodes";
        }
    }

    private Tensor forward(Tensor input) {
        return run(Map.of(inputs.get(0).name(), input)).get(outputs.get(0).name());
    }

    /**
     * Runs the model. Integer and boolean inputs are given, and outputs returned, as float32
     * tensors holding the values: integers within ±2^24, which float32 holds exactly (0 or 1 for
     * bool); other values are an error naming the input or output (inputs are checked when not
     * traced).
     *
     * @param given the inputs by name
     * @return the outputs by name, in the model's order
     * @throws OnnxException if an input is missing or has the wrong rank or fixed dims, naming it,
     *     or a node cannot run on the values it gets, naming the node
     */
    public Map<String, Tensor> run(Map<String, Tensor> given) {
        Map<String, Value> env = new HashMap<>(constants);
        parameters.forEach((name, p) -> env.put(name, Value.of(p)));
        for (OnnxValueInfo info : inputs) {
            Tensor t = given.get(info.name());
            if (t == null) {
                throw new OnnxException("input '" + info.name() + "' is not given (have " + given.keySet() + ")");
            }
            check(info, t);
            if (info.type() != OnnxType.FLOAT && !org.grad4j.graph.Graph.isTracing()) {
                checkValues(info, t);
            }
            env.put(info.name(), info.type() == OnnxType.FLOAT ? Value.of(t) : Value.coded(info.type(), t));
        }
        for (OnnxNode node : nodes) {
            List<String> names = node.inputs();
            Value[] in = new Value[names.size()];
            for (int i = 0; i < in.length; i++) {
                in[i] = names.get(i).isEmpty() ? null : env.get(names.get(i));
            }
            Value[] out;
            try {
                out = Operators.get(node.opType()).run(node, in);
            } catch (OnnxException e) {
                throw e.getMessage().startsWith("node ") ? e : node.error(e.getMessage());
            } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
                throw new OnnxException(node + ": " + e.getMessage(), e);
            }
            List<String> outNames = node.outputs();
            for (int i = 0; i < outNames.size(); i++) {
                if (outNames.get(i).isEmpty()) {
                    continue;
                }
                if (i >= out.length || out[i] == null) {
                    throw node.error("output " + i + " ('" + outNames.get(i) + "') is not supported by grad4j");
                }
                env.put(outNames.get(i), out[i]);
            }
        }
        Map<String, Tensor> result = new LinkedHashMap<>();
        for (OnnxValueInfo info : outputs) {
            Value v = env.get(info.name());
            if (v == null) {
                throw new OnnxException("output '" + info.name() + "' was not computed");
            }
            result.put(info.name(), v.tensor("output '" + info.name() + "'"));
        }
        return result;
    }

    private static void check(OnnxValueInfo info, Tensor t) {
        long[] shape = info.shape();
        if (shape == null) {
            return;
        }
        boolean ok = shape.length == t.dim();
        for (int i = 0; ok && i < shape.length; i++) {
            ok = shape[i] < 0 || shape[i] == t.size(i);
        }
        if (!ok) {
            throw new OnnxException("input '" + info.name() + "' must have shape " + Arrays.toString(shape)
                    + " (-1: any), got " + Arrays.toString(t.shape()));
        }
    }

    /** An integer or boolean input's values: integers within ±2^24 (0 or 1 for bool), which float32 holds exactly. */
    private static void checkValues(OnnxValueInfo info, Tensor t) {
        float[] v = t.toArray();
        for (int i = 0; i < v.length; i++) {
            boolean ok = info.type() == OnnxType.BOOL
                    ? v[i] == 0 || v[i] == 1
                    : v[i] == Math.rint(v[i]) && Math.abs(v[i]) <= Value.EXACT_IN_FLOAT;
            if (!ok) {
                throw new OnnxException("input '" + info.name() + "' (" + info.type() + "): element " + i + " is "
                        + v[i] + ", not "
                        + (info.type() == OnnxType.BOOL
                                ? "0 or 1"
                                : "an integer within ±2^24 (grad4j holds integer data as float32, exact up to 2^24)"));
            }
        }
    }

    @Override
    public String toString() {
        return "OnnxModel(opset " + opset + ", " + nodes.size() + " nodes, inputs " + inputs + ", outputs " + outputs
                + ")";
    }
}
