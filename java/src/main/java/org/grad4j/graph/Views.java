package org.grad4j.graph;

import java.util.List;
import java.util.Set;
import org.grad4j.autograd.GradMode;
import org.grad4j.internal.ops.OpRegistry;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.Storage;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * Which values of a graph are views, and of what: a view op (reshape, view, permute, expand,
 * narrow, slice, detach) of a value is a layout over the buffer its chain of views starts from, except a
 * reshape of a layout no strides can view, which copies. Op results, inputs, parameters and
 * constants are contiguous buffers of their own.
 */
final class Views {
    static final Set<String> OPS = Set.of("reshape", "view", "permute", "expand", "narrow", "slice", "detach");

    /** A view: its shape, strides, the value whose buffer it reads and the offset there. */
    record Layout(int[] shape, int[] strides, int root, int offset) {}

    private Views() {}

    /** Per value, its layout when it is a view, else null. */
    static Layout[] of(Graph graph) {
        List<Node> nodes = graph.nodes();
        Layout[] layouts = new Layout[nodes.size()];
        for (Node n : nodes) {
            if (n.kind() == Node.Kind.OP && OPS.contains(n.target())) {
                Value in = n.inputs().get(0);
                Layout base = layouts[in.id()];
                layouts[n.output().id()] = base != null
                        ? view(n, base, nodes.get(base.root()).output().shape())
                        : view(n, new Layout(in.shape(), Shapes.contiguousStrides(in.shape()), in.id(), 0), in.shape());
            }
        }
        return layouts;
    }

    /**
     * The view this node makes of {@code base}, found by applying the op to a stand-in tensor of
     * base's layout; null when the op copies.
     */
    private static Layout view(Node node, Layout base, int[] rootShape) {
        Storage standIn = Storage.wrapping(new float[Math.max(Shapes.numel(rootShape), 1)]);
        Tensor x = TensorInternals.view(standIn, base.shape(), base.strides(), base.offset());
        Tensor v;
        try (Scope ignored = GradMode.noGrad()) {
            v = OpRegistry.create(node.target(), node.attributes()).apply(x);
        }
        if (TensorInternals.storage(v) != standIn) {
            return null;
        }
        return new Layout(v.shape(), v.stride(), base.root(), v.storageOffset());
    }
}
