package org.grad4j.autograd;

import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * What one call of a {@link Function} keeps for its backward: the tensors saved by
 * {@link #saveForBackward}, checked against in-place modification when read back, and which
 * inputs need a gradient.
 */
public final class Context {
    private final String op;
    private final boolean[] needsInputGrad;
    private Tensor[] saved = new Tensor[0];
    private int[] savedVersions = new int[0];
    private boolean nonDifferentiable;
    private boolean released;

    Context(String op, Tensor[] inputs, boolean recording) {
        this.op = op;
        this.needsInputGrad = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            needsInputGrad[i] = recording && inputs[i].requiresGrad();
        }
    }

    /** Whether input {@code i} needs a gradient; backward may return null for the others. */
    public boolean needsInputGrad(int i) {
        return needsInputGrad[i];
    }

    /** Keeps tensors for backward; their storage versions are checked when they are read back. */
    public void saveForBackward(Tensor... tensors) {
        saved = tensors.clone();
        savedVersions = new int[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            savedVersions[i] =
                    tensors[i] == null ? 0 : TensorInternals.storage(tensors[i]).version();
        }
    }

    /**
     * The saved tensors, or an exception if the graph was freed or one was closed or modified in
     * place.
     */
    public Tensor[] savedTensors() {
        if (released) {
            throw new IllegalStateException(op + ": trying to backward through the graph a second time (or to read"
                    + " saved tensors after they were freed); pass retainGraph=true to the first backward call");
        }
        for (int i = 0; i < saved.length; i++) {
            Tensor t = saved[i];
            if (t != null && t.isClosed()) {
                throw savedTensorError(t, "closed before backward");
            }
            if (t != null && TensorInternals.storage(t).version() != savedVersions[i]) {
                throw savedTensorError(
                        t,
                        "modified by an in-place operation (version "
                                + TensorInternals.storage(t).version() + ", expected " + savedVersions[i] + ")");
            }
        }
        return saved;
    }

    private IllegalStateException savedTensorError(Tensor t, String what) {
        return new IllegalStateException(
                op + ": a tensor of shape " + Shapes.str(t.shape()) + " saved for backward was " + what);
    }

    /** Saved tensor {@code i}; see {@link #savedTensors()}. */
    public Tensor saved(int i) {
        return savedTensors()[i];
    }

    /** Marks the output as carrying no gradient (comparisons, argmax). */
    public void markNonDifferentiable() {
        nonDifferentiable = true;
    }

    boolean isNonDifferentiable() {
        return nonDifferentiable;
    }

    void release() {
        released = true;
        saved = null;
    }

    boolean isReleased() {
        return released;
    }
}
