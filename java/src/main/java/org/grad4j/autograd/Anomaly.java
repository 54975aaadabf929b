package org.grad4j.autograd;

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
    /** [0]: detection on; [1]: inside a backward pass, where ops' forwards are reported as that backward. */
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[2]);

    private Anomaly() {}

    /**
     * Whether anomaly detection is on for this thread, as {@code torch.is_anomaly_enabled}.
     *
     * @return true inside a {@link #detect()} scope
     */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /**
     * Enables detection on this thread until the returned scope is closed, as
     * {@code torch.autograd.detect_anomaly()}.
     *
     * @return the scope; closing it restores the previous setting
     */
    public static Scope detect() {
        boolean[] flag = ENABLED.get();
        boolean previous = flag[0];
        flag[0] = true;
        return () -> flag[0] = previous;
    }

    static Scope inBackward() {
        boolean[] flag = ENABLED.get();
        boolean previous = flag[1];
        flag[1] = true;
        return () -> flag[1] = previous;
    }

    static void checkForward(Function fn, Tensor out) {
        boolean[] flag = ENABLED.get();
        if (flag[0] && !flag[1] && !allFinite(out)) {
            throw new IllegalStateException(fn.name() + ": forward produced NaN or infinity in its output of shape "
                    + java.util.Arrays.toString(out.shape()));
        }
    }

    static void checkBackward(Function fn, int input, Tensor grad) {
        if (isEnabled() && grad != null && !allFinite(grad)) {
            throw new IllegalStateException(fn.name() + ": backward produced NaN or infinity in the gradient of input "
                    + input + " (shape " + java.util.Arrays.toString(grad.shape()) + ")");
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
