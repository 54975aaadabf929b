package org.grad4j.onnx;

import java.util.Arrays;
import java.util.List;
import org.grad4j.graph.Attributes;
import org.grad4j.graph.Graph;
import org.grad4j.graph.Node;

/**
 * The batch dims of a model, found by tracing it at two batch sizes: the dims whose sizes differ
 * between the traces. An export writes them as a named dim ({@code N}) where every shape the
 * graph fixes can be written without the batch size: a reshape keeps it (0) or infers it (-1), an
 * expand keeps the input's (1), a slice runs to the end. Anything else that differs (a constant
 * made with the batch size, another op's attribute) leaves the export at the example's batch size.
 */
final class BatchDims {
    private final Graph a;
    private final Graph b;
    private final RegionExport regions;
    private final boolean dynamic;

    private BatchDims(Graph a, Graph b, RegionExport regions) {
        this.a = a;
        this.b = b;
        this.regions = regions;
        this.dynamic = b != null && comparable();
    }

    /**
     * The batch dims of traces {@code a} and {@code b} (null: none, a fixed batch size); the nodes
     * inside regions written as one operator, which take any batch, are not compared.
     */
    static BatchDims of(Graph a, Graph b, RegionExport regions) {
        return new BatchDims(a, b, regions);
    }

    boolean dynamic() {
        return dynamic;
    }

    /** Whether dim d of the value of node i is a batch dim. */
    boolean isBatch(int node, int d) {
        if (!dynamic) {
            return false;
        }
        int[] sa = a.nodes().get(node).output().shape();
        int[] sb = b.nodes().get(node).output().shape();
        return d < sa.length && sa[d] != sb[d];
    }

    private boolean comparable() {
        List<Node> na = a.nodes();
        List<Node> nb = b.nodes();
        if (na.size() != nb.size() || !ids(a.outputs()).equals(ids(b.outputs()))) {
            return false;
        }
        for (int i = 0; i < na.size(); i++) {
            if (regions.containing(i) != null) {
                continue;
            }
            Node x = na.get(i);
            Node y = nb.get(i);
            if (x.kind() != y.kind()
                    || !x.target().equals(y.target())
                    || !ids(x.inputs()).equals(ids(y.inputs()))) {
                return false;
            }
            if (x.kind() == Node.Kind.CONSTANT || x.kind() == Node.Kind.PARAMETER) {
                if (!Arrays.equals(x.output().shape(), y.output().shape())) {
                    return false;
                }
            } else if (x.kind() == Node.Kind.OP && !x.attributes().equals(y.attributes()) && rewrite(i) == null) {
                return false;
            }
        }
        return true;
    }

    private static List<Integer> ids(List<org.grad4j.graph.Value> values) {
        return values.stream().map(org.grad4j.graph.Value::id).toList();
    }

    /**
     * The attributes of op node i with the batch size written out of them (reshape: 0 or -1;
     * expand: 1; a slice's end: {@link Long#MAX_VALUE} as {@code end}), or null when they cannot be.
     */
    long[][] rewrite(int i) {
        Node x = a.nodes().get(i);
        Node y = b.nodes().get(i);
        Attributes ax = x.attributes();
        Attributes ay = y.attributes();
        int[] in = x.inputs().isEmpty() ? new int[0] : x.inputs().get(0).shape();
        int[] inB = y.inputs().isEmpty() ? new int[0] : y.inputs().get(0).shape();
        switch (x.target()) {
            case "reshape", "view" -> {
                int[] s = ax.getInts("shape");
                int[] t = ay.getInts("shape");
                long[] out = new long[s.length];
                boolean inferred = Arrays.stream(s).anyMatch(v -> v == -1);
                for (int k = 0; k < s.length; k++) {
                    out[k] = s[k];
                    if (s[k] == t[k]) {
                        continue;
                    }
                    if (k < in.length && in[k] != inB[k] && s[k] == in[k] && t[k] == inB[k]) {
                        out[k] = 0;
                    } else if (!inferred) {
                        out[k] = -1;
                        inferred = true;
                    } else {
                        return null;
                    }
                }
                return new long[][] {out};
            }
            case "expand" -> {
                int[] s = ax.getInts("sizes");
                int[] t = ay.getInts("sizes");
                long[] out = new long[s.length];
                for (int k = 0; k < s.length; k++) {
                    out[k] = s[k];
                    int ik = k - (s.length - in.length);
                    if (s[k] != t[k]) {
                        if (ik < 0 || in[ik] != s[k] || inB[ik] != t[k]) {
                            return null;
                        }
                        out[k] = 1;
                    }
                }
                return new long[][] {out};
            }
            case "narrow", "slice" -> {
                boolean narrow = x.target().equals("narrow");
                int dim = ax.getInt("dim");
                if (dim != ay.getInt("dim") || ax.getInt("start") != ay.getInt("start")) {
                    return null;
                }
                long endA = narrow ? (long) ax.getInt("start") + ax.getInt("length") : ax.getInt("end");
                long endB = narrow ? (long) ay.getInt("start") + ay.getInt("length") : ay.getInt("end");
                if (endA == endB) {
                    return new long[][] {{endA}};
                }
                return endA >= in[dim] && endB >= inB[dim] ? new long[][] {{Long.MAX_VALUE}} : null;
            }
            default -> {
                return null;
            }
        }
    }
}
