package org.grad4j.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.grad4j.graph.Attributes;
import org.grad4j.graph.Graph;
import org.grad4j.graph.Node;
import org.grad4j.graph.Region;
import org.grad4j.onnx.proto.OnnxProto.AttributeProto;
import org.grad4j.onnx.proto.OnnxProto.GraphProto;
import org.grad4j.onnx.proto.OnnxProto.ModelProto;
import org.grad4j.onnx.proto.OnnxProto.NodeProto;
import org.grad4j.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.grad4j.onnx.proto.OnnxProto.TensorProto;
import org.grad4j.onnx.proto.OnnxProto.TensorShapeProto;
import org.grad4j.onnx.proto.OnnxProto.TypeProto;
import org.grad4j.onnx.proto.OnnxProto.ValueInfoProto;
import org.grad4j.tensor.Tensor;

/** A traced graph written as ONNX nodes: each grad4j op as the ONNX operator(s) that compute it. */
final class GraphExport {
    private static final Map<String, String> SAME = Map.ofEntries(
            Map.entry("abs", "Abs"),
            Map.entry("neg", "Neg"),
            Map.entry("exp", "Exp"),
            Map.entry("log", "Log"),
            Map.entry("sqrt", "Sqrt"),
            Map.entry("sigmoid", "Sigmoid"),
            Map.entry("tanh", "Tanh"),
            Map.entry("softplus", "Softplus"),
            Map.entry("erf", "Erf"),
            Map.entry("floor", "Floor"),
            Map.entry("ceil", "Ceil"),
            Map.entry("relu", "Relu"),
            Map.entry("clone", "Identity"),
            Map.entry("detach", "Identity"),
            Map.entry("add", "Add"),
            Map.entry("sub", "Sub"),
            Map.entry("mul", "Mul"),
            Map.entry("div", "Div"),
            Map.entry("matmul", "MatMul"));

    private final Graph graph;
    private final Map<String, Tensor> values;
    private final BatchDims batch;
    private final RegionExport regions;
    private final GraphProto.Builder out = GraphProto.newBuilder().setName("grad4j");
    private final String[] names;
    private final boolean[] written;
    private int fresh;

    GraphExport(Graph graph, Map<String, Tensor> values, BatchDims batch, RegionExport regions) {
        this.graph = graph;
        this.values = values;
        this.batch = batch;
        this.regions = regions;
        this.names = new String[graph.nodes().size()];
        this.written = new boolean[names.length];
    }

    ModelProto model() {
        List<org.grad4j.graph.Value> outputs = graph.outputs();
        int inputs = 0;
        for (Node node : graph.nodes()) {
            int id = node.output().id();
            switch (node.kind()) {
                case INPUT -> {
                    names[id] = graph.inputs().size() == 1 ? "input" : "input" + inputs;
                    inputs++;
                    out.addInput(info(names[id], id));
                }
                case PARAMETER -> names[id] = node.target();
                case CONSTANT -> names[id] = "constant" + id;
                case OP -> {
                    Region region = regions.containing(id);
                    if (region == null) {
                        name(node.output());
                        op(node);
                    } else if (id == region.end() - 1) {
                        regions.write(region, this);
                    }
                }
            }
        }
        for (int k = 0; k < outputs.size(); k++) {
            org.grad4j.graph.Value v = outputs.get(k);
            String name = outputs.size() == 1 ? "output" : "output" + k;
            if (!ref(v).equals(name)) {
                // an output that is an input or parameter itself, or a value output twice
                out.addNode(node("Identity", name, ref(v)));
            }
            out.addOutput(info(name, v.id()));
        }
        return ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("grad4j")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(Onnx.EXPORT_OPSET))
                .setGraph(out)
                .build();
    }

    /** Names the value an op produces: {@code output} (or {@code outputK}) for a graph output, {@code vN} otherwise. */
    String name(org.grad4j.graph.Value v) {
        List<org.grad4j.graph.Value> outputs = graph.outputs();
        int k = outputs.indexOf(v);
        names[v.id()] = k < 0 ? "v" + v.id() : outputs.size() == 1 ? "output" : "output" + k;
        return names[v.id()];
    }

    /** A use of a value: its name, with its initializer written at the first use of a parameter or constant. */
    String ref(org.grad4j.graph.Value v) {
        int id = v.id();
        if (!written[id]) {
            written[id] = true;
            Node node = graph.nodes().get(id);
            if (node.kind() == Node.Kind.PARAMETER) {
                out.addInitializer(floats(names[id], parameter(node)));
            } else if (node.kind() == Node.Kind.CONSTANT) {
                out.addInitializer(floats(names[id], graph.constantValue(v)));
            }
        }
        return names[id];
    }

    /** The tensor of a parameter node: the model's parameter or buffer of that name. */
    Tensor parameter(Node node) {
        Tensor t = values.get(node.target());
        if (t == null) {
            throw new OnnxException("export: parameter '" + node.target() + "' is not the model's");
        }
        return t;
    }

    Graph graph() {
        return graph;
    }

    void add(NodeProto.Builder node) {
        out.addNode(node);
    }

    void add(NodeProto node) {
        out.addNode(node);
    }

    void initializer(TensorProto tensor) {
        out.addInitializer(tensor);
    }

    private void op(Node node) {
        String y = names[node.output().id()];
        String[] in = node.inputs().stream().map(this::ref).toArray(String[]::new);
        Attributes a = node.attributes();
        String target = node.target();
        String same = SAME.get(target);
        if (same != null) {
            out.addNode(node(same, y, in));
            return;
        }
        switch (target) {
            case "gelu" -> {
                // opset 17 has no Gelu: x · (1 + erf(x / √2)) / 2
                String scaled = fresh();
                String erf = fresh();
                String onePlus = fresh();
                String half = fresh();
                out.addNode(node("Mul", scaled, in[0], scalar(0.70710678118654752f)));
                out.addNode(node("Erf", erf, scaled));
                out.addNode(node("Add", onePlus, erf, scalar(1f)));
                out.addNode(node("Mul", half, onePlus, scalar(0.5f)));
                out.addNode(node("Mul", y, in[0], half));
            }
            case "trunc" -> {
                // opset 17 has no Trunc: Ceil below 0, Floor from -0 up, which keeps -0 and NaN as grad4j does
                String negative = fresh();
                String up = fresh();
                String down = fresh();
                out.addNode(node("Less", negative, in[0], scalar(0f)));
                out.addNode(node("Ceil", up, in[0]));
                out.addNode(node("Floor", down, in[0]));
                out.addNode(node("Where", y, negative, up, down));
            }
            case "leakyRelu" ->
                out.addNode(node("LeakyRelu", y, in).toBuilder().addAttribute(f("alpha", a.getFloat("negativeSlope"))));
            case "elu" -> out.addNode(node("Elu", y, in).toBuilder().addAttribute(f("alpha", a.getFloat("alpha"))));
            case "clamp" -> out.addNode(node("Clip", y, in[0], scalar(a.getFloat("min")), scalar(a.getFloat("max"))));
            case "pow" ->
                out.addNode(
                        a.has("exponent") ? node("Pow", y, in[0], scalar(a.getFloat("exponent"))) : node("Pow", y, in));
            case "eq", "lt", "gt", "le", "ge", "ne" -> compare(target, y, in);
            case "where" -> out.addNode(node("Where", y, cast(in[0], TensorProto.DataType.BOOL), in[1], in[2]));
            case "sum" -> {
                if (a.has("dims")) {
                    out.addNode(node("ReduceSum", y, in[0], ints(a.getInts("dims"))).toBuilder()
                            .addAttribute(i("keepdims", a.getBoolean("keepDim") ? 1 : 0)));
                } else {
                    out.addNode(node("ReduceSum", y, in[0]).toBuilder().addAttribute(i("keepdims", 0)));
                }
            }
            case "max", "min" -> {
                NodeProto.Builder n = node(target.equals("max") ? "ReduceMax" : "ReduceMin", y, in[0]).toBuilder();
                if (a.has("dim")) {
                    n.addAttribute(is("axes", a.getInt("dim")))
                            .addAttribute(i("keepdims", a.getBoolean("keepDim") ? 1 : 0));
                } else {
                    n.addAttribute(i("keepdims", 0));
                }
                out.addNode(n);
            }
            case "argmax", "argmin" -> {
                String op = target.equals("argmax") ? "ArgMax" : "ArgMin";
                String idx = fresh();
                if (a.has("dim")) {
                    out.addNode(node(op, idx, in[0]).toBuilder()
                            .addAttribute(i("axis", a.getInt("dim")))
                            .addAttribute(i("keepdims", a.getBoolean("keepDim") ? 1 : 0)));
                } else {
                    String flat = fresh();
                    out.addNode(node("Reshape", flat, in[0], ints(new int[] {-1})));
                    out.addNode(node(op, idx, flat).toBuilder().addAttribute(i("keepdims", 0)));
                }
                out.addNode(castNode(idx, y, TensorProto.DataType.FLOAT));
            }
            case "softmax", "logSoftmax" ->
                out.addNode(node(target.equals("softmax") ? "Softmax" : "LogSoftmax", y, in).toBuilder()
                        .addAttribute(i("axis", a.getInt("dim"))));
            case "reshape", "view" -> out.addNode(node("Reshape", y, in[0], longs(shapeAttribute(node, "shape"))));
            case "permute" ->
                out.addNode(node("Transpose", y, in).toBuilder().addAttribute(is("perm", a.getInts("dims"))));
            case "expand" -> out.addNode(node("Expand", y, in[0], longs(shapeAttribute(node, "sizes"))));
            case "narrow", "slice" -> {
                long end = batch.dynamic()
                        ? batch.rewrite(node.output().id())[0][0]
                        : target.equals("narrow") ? (long) a.getInt("start") + a.getInt("length") : a.getInt("end");
                out.addNode(node(
                        "Slice",
                        y,
                        in[0],
                        ints(new int[] {a.getInt("start")}),
                        longs(new long[] {end}),
                        ints(new int[] {a.getInt("dim")}),
                        ints(new int[] {target.equals("narrow") ? 1 : a.getInt("step")})));
            }
            case "cat" -> out.addNode(node("Concat", y, in).toBuilder().addAttribute(i("axis", a.getInt("dim"))));
            case "gather" ->
                out.addNode(node("GatherElements", y, in[0], cast(in[1], TensorProto.DataType.INT64)).toBuilder()
                        .addAttribute(i("axis", a.getInt("dim"))));
            case "indexSelect" ->
                out.addNode(node("Gather", y, in[0], cast(in[1], TensorProto.DataType.INT64)).toBuilder()
                        .addAttribute(i("axis", a.getInt("dim"))));
            case "conv2d" ->
                out.addNode(
                        window(node("Conv", y, in).toBuilder(), node, a).addAttribute(i("group", a.getInt("groups"))));
            case "convTranspose2d" -> {
                NodeProto.Builder n = window(node("ConvTranspose", y, in).toBuilder(), node, a)
                        .addAttribute(i("group", a.getInt("groups")));
                if (a.has("outputPadding")) {
                    n.addAttribute(is("output_padding", a.getInts("outputPadding")));
                }
                out.addNode(n);
            }
            case "maxPool2d" -> out.addNode(window(node("MaxPool", y, in).toBuilder(), node, a));
            case "avgPool2d" ->
                out.addNode(window(node("AveragePool", y, in).toBuilder(), node, a)
                        .addAttribute(i("count_include_pad", 1)));
            default ->
                throw new OnnxException(
                        "export: grad4j does not export the op '" + target + "' yet (node " + node + ")");
        }
    }

    /** kernel_shape, strides, pads (the same at both ends) and dilations of a convolution or pooling node. */
    private static NodeProto.Builder window(NodeProto.Builder n, Node node, Attributes a) {
        int[] kernel = a.has("kernel")
                ? a.getInts("kernel")
                : java.util.Arrays.copyOfRange(node.inputs().get(1).shape(), 2, 4);
        int[] p = a.getInts("padding");
        n.addAttribute(is("kernel_shape", kernel))
                .addAttribute(is("strides", a.getInts("stride")))
                .addAttribute(is("pads", p[0], p[1], p[0], p[1]));
        if (a.has("dilation")) {
            n.addAttribute(is("dilations", a.getInts("dilation")));
        }
        return n;
    }

    /** A comparison as ONNX's boolean operator, cast back to float 0/1 as grad4j gives it. */
    private void compare(String target, String y, String[] in) {
        String b = fresh();
        switch (target) {
            case "eq" -> out.addNode(node("Equal", b, in));
            case "lt" -> out.addNode(node("Less", b, in));
            case "gt" -> out.addNode(node("Greater", b, in));
            case "le" -> out.addNode(node("LessOrEqual", b, in));
            case "ge" -> out.addNode(node("GreaterOrEqual", b, in));
            default -> {
                String eq = fresh();
                out.addNode(node("Equal", eq, in));
                out.addNode(node("Not", b, eq));
            }
        }
        out.addNode(castNode(b, y, TensorProto.DataType.FLOAT));
    }

    private String cast(String x, TensorProto.DataType to) {
        String y = fresh();
        out.addNode(castNode(x, y, to));
        return y;
    }

    private static NodeProto castNode(String x, String y, TensorProto.DataType to) {
        return node("Cast", y, x).toBuilder()
                .addAttribute(i("to", to.getNumber()))
                .build();
    }

    String fresh() {
        return "t" + fresh++;
    }

    String scalar(float v) {
        String name = fresh();
        out.addInitializer(floats(name, Tensor.scalar(v)));
        return name;
    }

    /** A reshape's or expand's sizes, with the batch size written out of them when the export has a batch dim. */
    private long[] shapeAttribute(Node node, String name) {
        if (batch.dynamic()) {
            return batch.rewrite(node.output().id())[0];
        }
        return java.util.Arrays.stream(node.attributes().getInts(name))
                .asLongStream()
                .toArray();
    }

    String ints(int[] v) {
        return longs(java.util.Arrays.stream(v).asLongStream().toArray());
    }

    String longs(long[] v) {
        String name = fresh();
        TensorProto.Builder t = TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(v.length);
        for (long x : v) {
            t.addInt64Data(x);
        }
        out.addInitializer(t);
        return name;
    }

    static NodeProto node(String op, String output, String... inputs) {
        NodeProto.Builder n =
                NodeProto.newBuilder().setOpType(op).setName(output).addOutput(output);
        for (String in : inputs) {
            n.addInput(in);
        }
        return n.build();
    }

    static AttributeProto i(String name, long v) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.INT)
                .setI(v)
                .build();
    }

    static AttributeProto is(String name, int... v) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (int x : v) {
            a.addInts(x);
        }
        return a.build();
    }

    static AttributeProto f(String name, float v) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.FLOAT)
                .setF(v)
                .build();
    }

    static TensorProto floats(String name, Tensor t) {
        float[] data = t.toArray();
        ByteBuffer b = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : data) {
            b.putFloat(x);
        }
        TensorProto.Builder p = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (int d : t.shape()) {
            p.addDims(d);
        }
        return p.setRawData(ByteString.copyFrom(b.array())).build();
    }

    /** An input's or output's type and shape: its batch dims named N. */
    private ValueInfoProto info(String name, int id) {
        int[] shape = graph.nodes().get(id).output().shape();
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (int d = 0; d < shape.length; d++) {
            s.addDim(
                    batch.isBatch(id, d)
                            ? TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                            : TensorShapeProto.Dimension.newBuilder().setDimValue(shape[d]));
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder()
                                .setElemType(TensorProto.DataType.FLOAT_VALUE)
                                .setShape(s)))
                .build();
    }
}
