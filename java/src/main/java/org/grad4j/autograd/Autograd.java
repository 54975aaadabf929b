package org.grad4j.autograd;

import java.util.Arrays;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * The backward pass, as {@code torch.autograd.backward}: walks the graph from a root in reverse
 * topological order, sums the gradients that reach each node, and accumulates them into the
 * {@code grad} of leaves that require them. {@link Tensor#backward()} calls it.
 *
 * <p>A leaf's {@code grad} never shares storage with a tensor that code outside grad4j's ops could
 * hold: the {@code gradient} argument, a tensor a hook was given or returned, or one a user
 * {@link Function} was given or returned. Later changes to one never show in the other.
 */
public final class Autograd {
    private Autograd() {}

    /**
     * Back-propagates {@code gradient} (of the root's shape) from {@code root}. Without
     * {@code retainGraph} the saved tensors are freed and a second call through the graph fails.
     *
     * @param root the tensor to differentiate, which requires grad
     * @param gradient the gradient of some scalar with respect to {@code root}, of its shape; null for
     *     a one-element root means 1, as {@code backward(None)} in PyTorch
     * @param retainGraph whether to keep the graph for another backward
     * @throws IllegalStateException if {@code root} does not require grad, the saved tensors it reads were freed
     *     by an earlier backward, or a function or hook returned a gradient of the wrong number or shape
     * @throws IllegalArgumentException if {@code gradient}'s shape differs from {@code root}'s, or it is null
     *     and {@code root} has more than one element
     */
    public static void backward(Tensor root, Tensor gradient, boolean retainGraph) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward: the tensor of shape " + Shapes.str(root.shape())
                    + " does not require grad and has no grad function");
        }
        if (gradient == null) {
            if (root.numel() != 1) {
                throw new IllegalArgumentException("backward: grad can be implicitly created only for one-element"
                        + " tensors, got shape " + Shapes.str(root.shape()) + "; pass a gradient");
            }
            gradient = Tensor.ones(root.shape());
        }
        if (!Arrays.equals(root.shape(), gradient.shape())) {
            throw new IllegalArgumentException("backward: gradient shape " + Shapes.str(gradient.shape())
                    + " does not match the tensor's shape " + Shapes.str(root.shape()));
        }
        try (Scope ignored = GradMode.noGrad();
                Scope inBackward = Anomaly.inBackward()) {
            BackwardPass.run(root, gradient, retainGraph);
        }
    }
}
