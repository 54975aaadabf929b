package org.grad4j.autograd;

import org.grad4j.internal.tensor.ScopeStack;
import org.grad4j.tensor.Scope;

/**
 * Whether operations on this thread record the graph for backward (on by default).
 *
 * <pre>{@code
 * try (var scope = GradMode.noGrad()) {
 *     w.sub_(w.grad().mul(lr));   // not recorded
 * }
 * }</pre>
 *
 * <p>Scopes nest and close in the reverse order they were opened, as try-with-resources closes them
 * (see {@link Scope}).
 */
public final class GradMode {
    private static final ScopeStack<Boolean> ENABLED = new ScopeStack<>(true);

    private GradMode() {}

    /**
     * Whether ops on this thread are recorded, as {@code torch.is_grad_enabled}.
     *
     * @return true unless inside a {@link #noGrad()} scope
     */
    public static boolean isEnabled() {
        return ENABLED.get();
    }

    /**
     * Disables recording until the returned scope is closed (like {@code torch.no_grad()}).
     *
     * @return the scope; closing it restores the previous mode
     */
    public static Scope noGrad() {
        return ENABLED.open("GradMode.noGrad()", false);
    }

    /**
     * Enables recording until the returned scope is closed (like {@code torch.enable_grad()}).
     *
     * @return the scope; closing it restores the previous mode
     */
    public static Scope enableGrad() {
        return ENABLED.open("GradMode.enableGrad()", true);
    }
}
