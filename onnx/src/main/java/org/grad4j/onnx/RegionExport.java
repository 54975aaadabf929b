package org.grad4j.onnx;

import java.util.ArrayList;
import java.util.List;
import org.grad4j.graph.Attributes;
import org.grad4j.graph.Graph;
import org.grad4j.graph.Node;
import org.grad4j.graph.Region;
import org.grad4j.graph.Value;
import org.grad4j.onnx.proto.OnnxProto.AttributeProto;
import org.grad4j.onnx.proto.OnnxProto.NodeProto;
import org.grad4j.tensor.Tensor;

/**
 * The layers of a trace that an export writes as one ONNX operator each: RNN, GRU and LSTM as
 * ONNX's RNN, GRU and LSTM (one per layer, gates in ONNX's order, GRU with {@code
 * linear_before_reset = 1} as PyTorch's GRU computes), and LayerNorm as LayerNormalization. A
 * region is written so only when nothing outside it uses a value made inside it but its outputs,
 * and its parameters are the model's; otherwise its ops are written one by one.
 */
final class RegionExport {
    private final List<Region> written = new ArrayList<>();
    private final Region[] containing;

    private RegionExport(Graph graph, java.util.Map<String, Tensor> values) {
        containing = new Region[graph.nodes().size()];
        for (Region r : graph.regions()) {
            if (writable(r, graph, values) && closed(r, graph) && free(r)) {
                written.add(r);
                java.util.Arrays.fill(containing, r.first(), r.end(), r);
            }
        }
    }

    /** The regions of {@code graph} to write as operators, given the model's parameters and buffers by name. */
    static RegionExport of(Graph graph, java.util.Map<String, Tensor> values) {
        return new RegionExport(graph, values);
    }

    /** The region written as one operator that node {@code id} belongs to, or null. */
    Region containing(int id) {
        return containing[id];
    }

    private static boolean writable(Region r, Graph graph, java.util.Map<String, Tensor> values) {
        int parameters = switch (r.op()) {
            case "rnn", "gru", "lstm" -> firstParameter(r);
            case "layerNorm" -> 1;
            default -> -1;
        };
        if (parameters < 0) {
            return false;
        }
        for (Value v : r.inputs().subList(parameters, r.inputs().size())) {
            Node n = graph.producer(v);
            if (n.kind() != Node.Kind.PARAMETER || !values.containsKey(n.target())) {
                return false;
            }
        }
        return true;
    }

    /** Whether no node outside the region, no graph output and no state update uses a value made inside it but its outputs. */
    private static boolean closed(Region r, Graph graph) {
        List<Value> uses = new ArrayList<>(graph.outputs());
        uses.addAll(graph.updates().values());
        for (Node n : graph.nodes()) {
            if (!r.contains(n.output().id())) {
                uses.addAll(n.inputs());
            }
        }
        for (Value v : uses) {
            if (r.contains(v.id()) && !r.outputs().contains(v)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the region overlaps none already chosen (of nested regions, the inner one is written). */
    private boolean free(Region r) {
        for (int id = r.first(); id < r.end(); id++) {
            if (containing[id] != null) {
                return false;
            }
        }
        return true;
    }

    /** The index of a recurrent region's first parameter: after the input and the initial states given. */
    private static int firstParameter(Region r) {
        return 1 + java.util.Arrays.stream(r.attributes().getInts("initial")).sum();
    }

    void write(Region r, GraphExport g) {
        if (r.op().equals("layerNorm")) {
            layerNorm(r, g);
        } else {
            recurrent(r, g);
        }
    }

    private static void layerNorm(Region r, GraphExport g) {
        Attributes a = r.attributes();
        int[] normalized = a.getInts("normalizedShape");
        String x = g.ref(r.inputs().get(0));
        String[] inputs;
        if (a.getBoolean("elementwiseAffine")) {
            inputs = new String[] {x, g.ref(r.inputs().get(1)), g.ref(r.inputs().get(2))};
        } else {
            String ones = g.fresh();
            g.initializer(GraphExport.floats(ones, Tensor.ones(normalized)));
            inputs = new String[] {x, ones};
        }
        String y = g.name(r.outputs().get(0));
        g.add(GraphExport.node("LayerNormalization", y, inputs).toBuilder()
                .addAttribute(GraphExport.i("axis", -normalized.length))
                .addAttribute(GraphExport.f("epsilon", a.getFloat("eps"))));
    }

    /**
     * A recurrent region as one ONNX operator per layer on sequence-first input: the input
     * transposed (batch-first) or given a batch dim of 1 (unbatched), each layer's output Y [L, D,
     * N, H] made [L, N, D·H] for the next, the final states of the layers concatenated.
     */
    private static void recurrent(Region r, GraphExport g) {
        Attributes a = r.attributes();
        String op = r.op();
        int gates = switch (op) {
            case "lstm" -> 4;
            case "gru" -> 3;
            default -> 1;
        };
        int[] order = switch (op) {
            case "lstm" -> new int[] {0, 3, 1, 2}; // PyTorch's i, f, g, o as ONNX's i, o, f, c
            case "gru" -> new int[] {1, 0, 2}; // r, z, n as z, r, h
            default -> new int[] {0};
        };
        int hidden = a.getInt("hiddenSize");
        int layers = a.getInt("numLayers");
        int directions = a.getBoolean("bidirectional") ? 2 : 1;
        boolean bias = a.getBoolean("bias");
        int[] initial = a.getInts("initial");
        boolean unbatched = r.inputs().get(0).shape().length == 2;
        boolean batchFirst = a.getBoolean("batchFirst") && !unbatched;
        int states = gates == 4 ? 2 : 1;

        String x = g.ref(r.inputs().get(0));
        if (unbatched) {
            x = unary(g, "Unsqueeze", x, g.ints(new int[] {1}));
        } else if (batchFirst) {
            x = transpose(g, x, 1, 0, 2);
        }
        String[] given = new String[states];
        int next = 1;
        for (int s = 0; s < states; s++) {
            if (initial[s] != 0) {
                given[s] = g.ref(r.inputs().get(next++));
                if (unbatched) {
                    given[s] = unary(g, "Unsqueeze", given[s], g.ints(new int[] {1}));
                }
            }
        }
        int perLayer = directions * (bias ? 4 : 2);
        String prefix = prefix(g, r.inputs().get(next));
        String[][] finals = new String[states][layers];
        for (int layer = 0; layer < layers; layer++) {
            Tensor[][] p = new Tensor[directions][];
            for (int d = 0; d < directions; d++) {
                p[d] = new Tensor[bias ? 4 : 2];
                for (int k = 0; k < p[d].length; k++) {
                    Value v = r.inputs().get(next + layer * perLayer + d * p[d].length + k);
                    p[d][k] = g.parameter(g.graph().producer(v));
                }
            }
            String w = weight(g, prefix + "W_l" + layer, p, 0, order, hidden);
            String rec = weight(g, prefix + "R_l" + layer, p, 1, order, hidden);
            String b = bias ? biases(g, prefix + "B_l" + layer, p, order, hidden) : "";
            List<String> inputs = new ArrayList<>(List.of(x, w, rec, b, ""));
            for (int s = 0; s < states; s++) {
                inputs.add(given[s] == null ? "" : slice(g, given[s], layer * directions, (layer + 1) * directions));
            }
            while (inputs.get(inputs.size() - 1).isEmpty()) {
                inputs.remove(inputs.size() - 1);
            }
            String y = g.fresh();
            NodeProto.Builder n =
                    GraphExport.node(op.toUpperCase(java.util.Locale.ROOT), y, inputs.toArray(String[]::new))
                            .toBuilder()
                            .addAttribute(GraphExport.i("hidden_size", hidden))
                            .addAttribute(string("direction", directions == 2 ? "bidirectional" : "forward"));
            for (int s = 0; s < states; s++) {
                finals[s][layer] = g.fresh();
                n.addOutput(finals[s][layer]);
            }
            if (op.equals("gru")) {
                n.addAttribute(GraphExport.i("linear_before_reset", 1));
            }
            if (a.has("nonlinearity") && a.getString("nonlinearity").equals("relu")) {
                AttributeProto.Builder act = AttributeProto.newBuilder()
                        .setName("activations")
                        .setType(AttributeProto.AttributeType.STRINGS);
                for (int d = 0; d < directions; d++) {
                    act.addStrings(com.google.protobuf.ByteString.copyFromUtf8("Relu"));
                }
                n.addAttribute(act);
            }
            g.add(n);
            String steps = transpose(g, y, 0, 2, 1, 3);
            x = g.fresh();
            g.add(GraphExport.node("Reshape", x, steps, g.ints(new int[] {0, 0, -1})));
        }
        List<Value> outputs = r.outputs();
        String output = g.name(outputs.get(0));
        if (unbatched) {
            g.add(GraphExport.node("Squeeze", output, x, g.ints(new int[] {1})));
        } else if (batchFirst) {
            g.add(GraphExport.node("Transpose", output, x).toBuilder().addAttribute(GraphExport.is("perm", 1, 0, 2)));
        } else {
            g.add(GraphExport.node("Identity", output, x));
        }
        for (int s = 0; s < states; s++) {
            String all = layers == 1 ? finals[s][0] : g.fresh();
            if (layers > 1) {
                g.add(GraphExport.node("Concat", all, finals[s]).toBuilder().addAttribute(GraphExport.i("axis", 0)));
            }
            String name = g.name(outputs.get(1 + s));
            g.add(
                    unbatched
                            ? GraphExport.node("Squeeze", name, all, g.ints(new int[] {1}))
                            : GraphExport.node("Identity", name, all));
        }
    }

    /** The dotted prefix of a layer's parameters ({@code "gru."}), from the name of its first one. */
    private static String prefix(GraphExport g, Value first) {
        String name = g.graph().producer(first).target();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot + 1);
    }

    /** W or R of one layer, [D, gates·H, in]: each direction's weight with its gate blocks in ONNX's order. */
    private static String weight(GraphExport g, String name, Tensor[][] p, int k, int[] order, int hidden) {
        List<Tensor> directions = new ArrayList<>();
        for (Tensor[] direction : p) {
            directions.add(reorder(direction[k], order, hidden));
        }
        g.initializer(GraphExport.floats(name, Tensor.stack(directions, 0)));
        return name;
    }

    /** B of one layer, [D, 2·gates·H]: each direction's input bias then recurrent bias, gates in ONNX's order. */
    private static String biases(GraphExport g, String name, Tensor[][] p, int[] order, int hidden) {
        List<Tensor> directions = new ArrayList<>();
        for (Tensor[] direction : p) {
            directions.add(Tensor.cat(0, reorder(direction[2], order, hidden), reorder(direction[3], order, hidden)));
        }
        g.initializer(GraphExport.floats(name, Tensor.stack(directions, 0)));
        return name;
    }

    private static Tensor reorder(Tensor t, int[] order, int hidden) {
        Tensor[] blocks = new Tensor[order.length];
        for (int i = 0; i < order.length; i++) {
            blocks[i] = t.detach().narrow(0, order[i] * hidden, hidden);
        }
        return Tensor.cat(0, blocks);
    }

    private static String unary(GraphExport g, String op, String x, String axes) {
        String y = g.fresh();
        g.add(GraphExport.node(op, y, x, axes));
        return y;
    }

    private static String transpose(GraphExport g, String x, int... perm) {
        String y = g.fresh();
        g.add(GraphExport.node("Transpose", y, x).toBuilder().addAttribute(GraphExport.is("perm", perm)));
        return y;
    }

    /** Rows [start, end) of a state given as [layers·D, N, H]. */
    private static String slice(GraphExport g, String x, int start, int end) {
        String y = g.fresh();
        g.add(GraphExport.node(
                "Slice", y, x, g.ints(new int[] {start}), g.ints(new int[] {end}), g.ints(new int[] {0})));
        return y;
    }

    private static AttributeProto string(String name, String v) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.STRING)
                .setS(com.google.protobuf.ByteString.copyFromUtf8(v))
                .build();
    }
}
