package org.grad4j.autograd;

import org.grad4j.internal.tensor.ScopeStack;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * Anomaly detection (like {@code torch.autograd.detect_anomaly}): while enabled, the first op
 * whose forward output or backward gradient holds NaN or infinity throws an exception naming it.
 * It reads every result, so it slows training; use it to find where a NaN starts.
 *
 * <pre>{@code
 * try (var scope = Anomaly.detect()) {
 *     loss.backward();
 * }
 * }</pre>
 */
public final class Anomaly {
    private static final ScopeStack<Boolean> ENABLED = new ScopeStack<>(false);
    /** Inside a backward pass, where the ops a backward runs are reported as that backward, not as forwards. */
    private static final ScopeStack<Boolean> IN_BACKWARD = new ScopeStack<>(false);

    private Anomaly() {}

    /**
     * Whether anomaly detection is on for this thread, as {@code torch.is_anomaly_enabled}.
     *
     * @return true inside a {@link #detect()} scope
     */
    public static boolean isEnabled() {
        return ENABLED.get();
    }

    /**
     * Enables detection on this thread until the returned scope is closed, as
     * {@code torch.autograd.detect_anomaly()}.
     *
     * @return the scope; closing it restores the previous setting
     */
    public static Scope detect() {
        return ENABLED.open("Anomaly.detect()", true);
    }

    static Scope inBackward() {
        return IN_BACKWARD.open("Autograd.backward", true);
    }

    static void checkForward(Function fn, Tensor out) {
        if (isEnabled() && !IN_BACKWARD.get() && !allFinite(out)) {
            throw new IllegalStateException(
                    fn.name() + ": forward produced NaN or infinity in its output of shape " + Shapes.str(out.shape()));
        }
    }

    static void checkBackward(Function fn, int input, Tensor grad) {
        if (isEnabled() && grad != null && !allFinite(grad)) {
            throw new IllegalStateException(fn.name() + ": backward produced NaN or infinity in the gradient of input "
                    + input + " (shape " + Shapes.str(grad.shape()) + ")");
        }
    }

    private static boolean allFinite(Tensor t) {
        for (float v : t.toArray()) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
