package org.grad4j.autograd;

import java.util.ArrayList;
import java.util.List;
import org.grad4j.tensor.Tensor;

/**
 * One recorded call in the graph, as PyTorch's {@code grad_fn} objects: the function and its
 * context, and for each input where its gradient goes (the node that made the input, or the leaf
 * that accumulates it).
 */
public final class Node {
    final Function function;
    final Context context;
    final Node[] nextNodes;
    final Tensor[] nextLeaves;
    final List<Hook> hooks = new ArrayList<>(0);

    Node(Function function, Context context, Tensor[] inputs) {
        this.function = function;
        this.context = context;
        this.nextNodes = new Node[inputs.length];
        this.nextLeaves = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (!context.needsInputGrad(i)) {
                continue;
            }
            if (inputs[i].gradFn() != null) {
                nextNodes[i] = inputs[i].gradFn();
            } else {
                nextLeaves[i] = inputs[i];
            }
        }
    }

    /**
     * The op's public name, e.g. {@code "mul"}.
     *
     * @return the name of the function that made this node
     */
    public String name() {
        return function.name();
    }

    /**
     * The nodes this one sends gradients to, as {@code grad_fn.next_functions}.
     *
     * @return one entry per input: the node that made it, or null where the input is a leaf or needs
     *     no gradient
     */
    public List<Node> nextFunctions() {
        List<Node> out = new ArrayList<>();
        for (Node n : nextNodes) {
            out.add(n);
        }
        return out;
    }

    /**
     * Registers a hook on the gradient of this node's output, as {@code grad_fn.register_hook}.
     *
     * @param hook called with the gradient before this node's backward
     * @return a handle that removes the hook
     */
    public Hook.Handle registerHook(Hook hook) {
        hooks.add(hook);
        return () -> hooks.remove(hook);
    }

    @Override
    public String toString() {
        String name = name();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Backward";
    }
}
