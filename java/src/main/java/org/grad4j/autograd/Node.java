package org.grad4j.autograd;

import java.util.ArrayList;
import java.util.List;
import org.grad4j.internal.tensor.HookList;
import org.grad4j.tensor.Tensor;

/**
 * One recorded call in the graph, as PyTorch's {@code grad_fn} objects: the function and its
 * context, and for each input where its gradient goes (the node that made the input, or the leaf
 * that accumulates it) and the shape that gradient must have.
 */
public final class Node {
    final Function function;
    final Context context;
    final Node[] nextNodes;
    final Tensor[] nextLeaves;
    /** The shape of each input that needs a gradient; null for the others. */
    final int[][] inputShapes;

    final HookList hooks = new HookList();

    Node(Function function, Context context, Tensor[] inputs) {
        this.function = function;
        this.context = context;
        this.nextNodes = new Node[inputs.length];
        this.nextLeaves = new Tensor[inputs.length];
        this.inputShapes = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            if (!context.needsInputGrad(i)) {
                continue;
            }
            inputShapes[i] = inputs[i].shape();
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
     * Hooks run in registration order; one removed while the backward pass runs this node's hooks
     * still runs in that pass.
     *
     * @param hook called with the gradient before this node's backward
     * @return a handle that removes the hook
     * @throws IllegalArgumentException if {@code hook} is null
     */
    public Hook.Handle registerHook(Hook hook) {
        return hooks.add(hook);
    }

    /**
     * PyTorch's name for this node's class, e.g. {@code MulBackward}.
     *
     * @return the function's name, capitalized, with "Backward" appended
     */
    @Override
    public String toString() {
        String name = name();
        return name.isEmpty() ? "Backward" : Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Backward";
    }
}
