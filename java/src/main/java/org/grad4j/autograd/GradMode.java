package org.grad4j.autograd;

import org.grad4j.tensor.Scope;

/**
 * Whether operations on this thread record the graph for backward (on by default).
 *
 * <pre>{@code
 * try (var scope = GradMode.noGrad()) {
 *     w.sub_(w.grad().mul(lr));   // not recorded
 * }
 * }</pre>
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {}

    /**
     * Whether ops on this thread are recorded, as {@code torch.is_grad_enabled}.
     *
     * @return true unless inside a {@link #noGrad()} scope
     */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /**
     * Disables recording until the returned scope is closed (like {@code torch.no_grad()}).
     *
     * @return the scope; closing it restores the previous mode
     */
    public static Scope noGrad() {
        return set(false);
    }

    /**
     * Enables recording until the returned scope is closed (like {@code torch.enable_grad()}).
     *
     * @return the scope; closing it restores the previous mode
     */
    public static Scope enableGrad() {
        return set(true);
    }

    private static Scope set(boolean enabled) {
        boolean[] flag = ENABLED.get();
        boolean previous = flag[0];
        flag[0] = enabled;
        return () -> flag[0] = previous;
    }
}
