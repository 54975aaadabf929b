package org.grad4j.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.Storage;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * The backward pass, as {@code torch.autograd.backward}: walks the graph from a root in reverse
 * topological order, sums the gradients that reach each node, and accumulates them into the
 * {@code grad} of leaves that require grad. {@link Tensor#backward()} calls it.
 */
public final class Autograd {
    private Autograd() {}

    /**
     * Back-propagates {@code gradient} (of the root's shape) from {@code root}. Without
     * {@code retainGraph} the saved tensors are freed and a second call through the graph fails.
     *
     * @param root the tensor to differentiate, which requires grad
     * @param gradient the gradient of some scalar with respect to {@code root}, of its shape
     * @param retainGraph whether to keep the graph for another backward
     * @throws IllegalStateException if {@code root} does not require grad, or the saved tensors it reads were freed
     *     by an earlier backward
     * @throws IllegalArgumentException if {@code gradient}'s shape differs from {@code root}'s
     */
    public static void backward(Tensor root, Tensor gradient, boolean retainGraph) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward: the tensor of shape " + Shapes.str(root.shape())
                    + " does not require grad and has no grad function");
        }
        if (!Arrays.equals(root.shape(), gradient.shape())) {
            throw new IllegalArgumentException("backward: gradient shape " + Shapes.str(gradient.shape())
                    + " does not match the tensor's shape " + Shapes.str(root.shape()));
        }
        try (Scope ignored = GradMode.noGrad();
                Scope inBackward = Anomaly.inBackward()) {
            if (root.gradFn() == null) {
                accumulate(root, gradient, false);
                return;
            }
            run(root.gradFn(), gradient, retainGraph);
        }
    }

    private static void run(Node rootNode, Tensor gradient, boolean retainGraph) {
        Map<Node, Tensor> pending = new IdentityHashMap<>();
        pending.put(rootNode, gradient);
        for (Node node : topologicalOrder(rootNode)) {
            Tensor grad = pending.remove(node);
            if (grad == null) {
                continue;
            }
            for (Hook hook : node.hooks) {
                Tensor replaced = hook.apply(grad);
                grad = replaced == null ? grad : replaced;
            }
            Tensor[] inputGrads = node.function.backward(node.context, grad);
            checkArity(node, inputGrads);
            if (!retainGraph) {
                node.context.release();
            }
            boolean unshared = node.hooks.isEmpty() && node.function.backwardReturnsUnsharedGradients();
            for (int i = 0; i < inputGrads.length; i++) {
                Tensor g = inputGrads[i];
                if (g == null) {
                    continue;
                }
                Anomaly.checkBackward(node.function, i, g);
                if (node.nextNodes[i] != null) {
                    pending.merge(node.nextNodes[i], g, Tensor::add);
                } else if (node.nextLeaves[i] != null) {
                    accumulate(node.nextLeaves[i], g, unshared && ownsItsStorage(g, i, inputGrads, pending, gradient));
                }
            }
        }
    }

    private static void checkArity(Node node, Tensor[] grads) {
        if (grads == null || grads.length != node.nextNodes.length) {
            throw new IllegalStateException(node.name() + ": backward returned "
                    + (grads == null ? "null" : grads.length + " gradients") + " for " + node.nextNodes.length
                    + " inputs");
        }
    }

    /**
     * Whether nothing but {@code grads[index]} can see its storage, so a leaf may keep it as its
     * grad instead of a copy: it covers its whole storage contiguously, and no other gradient of
     * this node, no pending gradient and not the root gradient shares that storage. Only functions
     * that declare {@link Function#backwardReturnsUnsharedGradients()} qualify.
     */
    private static boolean ownsItsStorage(Tensor g, int index, Tensor[] grads, Map<Node, Tensor> pending, Tensor root) {
        Storage storage = TensorInternals.storage(g);
        if (!g.isContiguous()
                || g.storageOffset() != 0
                || storage.data().length != g.numel()
                || storage == TensorInternals.storage(root)) {
            return false;
        }
        for (int j = 0; j < grads.length; j++) {
            if (j != index && grads[j] != null && TensorInternals.storage(grads[j]) == storage) {
                return false;
            }
        }
        for (Tensor p : pending.values()) {
            if (TensorInternals.storage(p) == storage) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds a gradient into a leaf's {@code grad}, after the leaf's hooks. The first gradient is
     * kept as it is when {@code owned} (nothing else sees its storage), else copied.
     */
    static void accumulate(Tensor leaf, Tensor grad, boolean owned) {
        if (!Arrays.equals(leaf.shape(), grad.shape())) {
            throw new IllegalStateException("backward: gradient of shape " + Shapes.str(grad.shape())
                    + " reached a leaf of shape " + Shapes.str(leaf.shape()));
        }
        for (Hook hook : TensorInternals.leafHooks(leaf)) {
            Tensor replaced = hook.apply(grad);
            grad = replaced == null ? grad : replaced;
            owned = false;
        }
        if (leaf.grad() == null) {
            leaf.setGrad(owned ? grad : grad.clone());
        } else {
            leaf.grad().add_(grad);
        }
    }

    /** Nodes reachable from the root, each after every node that sends it a gradient. */
    static List<Node> topologicalOrder(Node root) {
        List<Node> postOrder = new ArrayList<>();
        Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        visited.add(root);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Node node = (Node) frame[0];
            int next = (Integer) frame[1];
            if (next < node.nextNodes.length) {
                frame[1] = next + 1;
                Node child = node.nextNodes[next];
                if (child != null && visited.add(child)) {
                    stack.push(new Object[] {child, 0});
                }
            } else {
                stack.pop();
                postOrder.add(node);
            }
        }
        Collections.reverse(postOrder);
        return postOrder;
    }
}
