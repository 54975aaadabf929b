package org.grad4j.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.grad4j.internal.ops.ViewGradient;
import org.grad4j.internal.tensor.LeafGradientCapture;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.internal.trace.Tracing;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * One backward pass: runs the nodes reachable from the root in reverse topological order, each
 * once, with the sum of the gradients sent to it; and, as PyTorch's AccumulateGrad nodes, adds
 * each leaf's summed gradient into its {@code grad} once all the nodes that send it one have run.
 * Every reachable node receives a gradient, because a backward must return one for each input
 * that needs it. While a {@link LeafGradientCapture} is open on the thread, leaves' gradients go
 * there instead, their hooks not run.
 */
final class BackwardPass {
    private final boolean retainGraph;
    private final SharedStorages shared = new SharedStorages();
    private final Map<Node, Tensor> pending = new IdentityHashMap<>();
    private final Map<Tensor, Tensor> leafGrads = new IdentityHashMap<>();
    private final Map<Tensor, int[]> leafSendersLeft = new IdentityHashMap<>();
    /** Gradients used up since the last release: the nodes' incoming ones and the addends of sums. */
    private final List<Tensor> consumed = new ArrayList<>();
    /** Pending gradients the pass made and no code has seen yet, which it may add into in place. */
    private final Set<Tensor> accumulators = Collections.newSetFromMap(new IdentityHashMap<>());

    private BackwardPass(boolean retainGraph) {
        this.retainGraph = retainGraph;
    }

    static void run(Tensor root, Tensor gradient, boolean retainGraph) {
        BackwardPass pass = new BackwardPass(retainGraph);
        pass.shared.add(gradient);
        if (root.gradFn() == null) {
            pass.accumulate(root, gradient);
        } else {
            pass.fromNode(root.gradFn(), gradient);
        }
    }

    /**
     * Runs the nodes in order. Each node's work is a method of its own, so that the JIT compiles
     * it once as a whole rather than once for each loop of one long method.
     */
    private void fromNode(Node root, Tensor gradient) {
        List<Node> order = topologicalOrder(root);
        for (Node node : order) {
            countLeafSenders(node);
        }
        pending.put(root, gradient);
        for (Node node : order) {
            run(node);
        }
    }

    private void countLeafSenders(Node node) {
        for (Tensor leaf : node.nextLeaves) {
            if (leaf != null) {
                leafSendersLeft.computeIfAbsent(leaf, k -> new int[1])[0]++;
            }
        }
    }

    private void run(Node node) {
        Tensor grad = pending.remove(node);
        accumulators.remove(grad);
        if (!node.hooks.isEmpty()) {
            grad = runHooks(node.hooks.snapshot(), grad, "the output of " + node);
        }
        consumed.add(grad);
        if (!addIntoInputGradient(node, grad)) {
            Tensor[] inputGrads = callBackward(node, grad);
            List<Tensor> ready = new ArrayList<>(0);
            for (int i = 0; i < inputGrads.length; i++) {
                if (node.inputShapes[i] != null) {
                    send(node, i, inputGrads[i], ready);
                }
            }
            for (Tensor leaf : ready) {
                accumulate(leaf, leafGrads.remove(leaf));
            }
        }
        releaseConsumed();
    }

    /**
     * Closes the gradients consumed so far whose storage nothing can reach any more: not a
     * gradient the pass still holds, and never seen by code other than grad4j's ops. Their buffers
     * then serve the next results of their size (see {@link Tensor#close()}), as PyTorch frees a
     * gradient once its last reference is gone.
     */
    private void releaseConsumed() {
        for (Tensor g : consumed) {
            if (g.isClosed() || shared.contains(g)) {
                continue;
            }
            if (!held(g)) {
                g.close();
            }
        }
        consumed.clear();
    }

    /** Whether a gradient the pass still holds shares g's storage. */
    private boolean held(Tensor g) {
        return shares(g, pending.values()) || shares(g, leafGrads.values());
    }

    private static boolean shares(Tensor g, Iterable<Tensor> live) {
        for (Tensor t : live) {
            if (TensorInternals.storage(t) == TensorInternals.storage(g)) {
                return true;
            }
        }
        return false;
    }

    private Tensor[] callBackward(Node node, Tensor grad) {
        boolean userCode = !node.function.backwardReturnsUnsharedGradients();
        if (userCode) {
            shared.add(grad);
        }
        Tensor[] inputGrads;
        try (Scope ignored = Tracing.inBackwardOf(node.function.name())) {
            inputGrads = node.function.backward(node.context, grad);
        }
        GradientChecks.backwardResults(node, inputGrads);
        if (!retainGraph) {
            node.context.release();
        }
        if (userCode) {
            for (Tensor g : inputGrads) {
                shared.add(g);
            }
        }
        return inputGrads;
    }

    private void send(Node node, int input, Tensor g, List<Tensor> ready) {
        Anomaly.checkBackward(node.function, input, g);
        if (node.nextNodes[input] != null) {
            pending.merge(node.nextNodes[input], g, this::sum);
            return;
        }
        Tensor leaf = node.nextLeaves[input];
        leafGrads.merge(leaf, g, this::sum);
        if (--leafSendersLeft.get(leaf)[0] == 0) {
            ready.add(leaf);
        }
    }

    private Tensor sum(Tensor a, Tensor b) {
        consumed.add(a);
        consumed.add(b);
        Tensor total = a.add(b);
        accumulators.add(total);
        return total;
    }

    /**
     * The backward of a view op (see {@link ViewGradient}) whose input is a node's output: adds
     * the gradient into the view's elements of that input's gradient, in place, where the pass
     * alone holds that gradient (it made it, as a sum or here, and has not handed it to any code
     * yet); else starts one, zeros of the input's shape. Each later view of the same tensor then
     * adds its gradient there too, so reading a sequence of length L step by step costs one
     * gradient of its size, not L. Returns false, leaving the node to its own backward, for a
     * view of a leaf, when anomaly detection checks every backward's results, or while the
     * backward is traced into a graph.
     */
    private boolean addIntoInputGradient(Node node, Tensor grad) {
        if (!(node.function instanceof ViewGradient view)
                || node.nextNodes[0] == null
                || Anomaly.isEnabled()
                || Tracing.current() != null) {
            return false;
        }
        Tensor target = pending.get(node.nextNodes[0]);
        if (target != null && !accumulators.contains(target)) {
            return false;
        }
        if (target == null) {
            target = Tensor.zeros(node.inputShapes[0]);
        }
        Tensor elements = view.viewOf(target);
        if (!java.util.Arrays.equals(elements.shape(), grad.shape())) {
            return false;
        }
        elements.add_(grad);
        pending.put(node.nextNodes[0], target);
        accumulators.add(target);
        if (!retainGraph) {
            node.context.release();
        }
        return true;
    }

    /**
     * Runs a leaf's hooks on its summed gradient and adds the result into its {@code grad}. The
     * first gradient becomes the {@code grad} itself only when nothing else can reach its storage,
     * else a copy does; later ones are added in place.
     */
    private void accumulate(Tensor leaf, Tensor grad) {
        Map<Tensor, Tensor> capture = LeafGradientCapture.current();
        if (capture != null) {
            Tensor kept = shared.mayKeep(grad) && !held(grad) ? grad : grad.clone();
            shared.add(kept);
            capture.merge(leaf, kept, Tensor::add);
            return;
        }
        List<Hook> hooks = TensorInternals.leafHooks(leaf);
        if (!hooks.isEmpty()) {
            grad = runHooks(hooks, grad, "a leaf of shape " + Shapes.str(leaf.shape()));
        }
        if (leaf.grad() != null) {
            leaf.grad().add_(grad);
            consumed.add(grad);
            return;
        }
        Tensor kept = shared.mayKeep(grad) && !held(grad) ? grad : grad.clone();
        shared.add(kept);
        leaf.setGrad(kept);
    }

    /** Runs hooks in order, each on the previous one's result; {@code owner} names them in errors. */
    private Tensor runHooks(List<Hook> hooks, Tensor grad, String owner) {
        for (int k = 0; k < hooks.size(); k++) {
            shared.add(grad);
            Tensor replaced = hooks.get(k).apply(grad);
            if (replaced != null) {
                GradientChecks.hookResult(owner, k + 1, grad, replaced);
                shared.add(replaced);
                grad = replaced;
            }
        }
        return grad;
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
