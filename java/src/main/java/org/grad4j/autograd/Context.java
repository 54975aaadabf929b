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
    private final boolean recording;
    private SavedTensorMeter meter;

    Context(String op, Tensor[] inputs, boolean recording) {
        this.op = op;
        this.recording = recording;
        this.needsInputGrad = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            needsInputGrad[i] = recording && inputs[i].requiresGrad();
        }
    }

    /**
     * Whether input {@code i} needs a gradient, as {@code ctx.needs_input_grad[i]}; backward may
     * return null for the others.
     *
     * @param i the position of the input
     * @return true when the input requires grad and the call was recorded
     */
    public boolean needsInputGrad(int i) {
        return needsInputGrad[i];
    }

    /**
     * Keeps tensors for backward, as {@code ctx.save_for_backward}; their storage versions are
     * checked when they are read back. A second call replaces the first one's tensors.
     *
     * @param tensors the tensors to keep; null entries are allowed
     */
    public void saveForBackward(Tensor... tensors) {
        if (meter != null) {
            meter.released(saved);
        }
        meter = recording ? SavedTensorMeter.current() : null;
        if (meter != null) {
            meter.saved(tensors);
        }
        saved = tensors.clone();
        savedVersions = new int[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            savedVersions[i] =
                    tensors[i] == null ? 0 : TensorInternals.storage(tensors[i]).version();
        }
    }

    /**
     * The saved tensors, as {@code ctx.saved_tensors}.
     *
     * @return the tensors given to {@link #saveForBackward}, in order
     * @throws IllegalStateException if the graph was freed by a backward without {@code retainGraph},
     *     or a saved tensor was closed or modified in place since it was saved
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

    /**
     * Saved tensor {@code i}; see {@link #savedTensors()}.
     *
     * @param i the position in the saved tensors
     * @return that tensor
     * @throws IllegalStateException as {@link #savedTensors()}
     */
    public Tensor saved(int i) {
        return savedTensors()[i];
    }

    /**
     * Marks the output as carrying no gradient (comparisons, argmax), as
     * {@code ctx.mark_non_differentiable}.
     */
    public void markNonDifferentiable() {
        nonDifferentiable = true;
    }

    boolean isNonDifferentiable() {
        return nonDifferentiable;
    }

    void release() {
        if (meter != null && saved != null) {
            meter.released(saved);
            meter = null;
        }
        released = true;
        saved = null;
    }

    boolean isReleased() {
        return released;
    }
}
