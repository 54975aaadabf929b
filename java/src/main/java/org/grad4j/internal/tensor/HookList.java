package org.grad4j.internal.tensor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.grad4j.autograd.Hook;

/**
 * The gradient hooks of a leaf or a node, in registration order. The backward pass runs a snapshot,
 * so a hook may remove itself (or another) while it runs: the removed hook still runs in this pass
 * and not in later ones. Each handle removes its own registration, once.
 */
public final class HookList {
    private final CopyOnWriteArrayList<Registration> registrations = new CopyOnWriteArrayList<>();

    /**
     * Appends a hook.
     *
     * @param hook the hook, not null
     * @return the handle that removes this registration
     * @throws IllegalArgumentException if {@code hook} is null
     */
    public Hook.Handle add(Hook hook) {
        if (hook == null) {
            throw new IllegalArgumentException("registerHook: hook is null");
        }
        Registration r = new Registration(hook);
        registrations.add(r);
        return r;
    }

    /** The hooks registered now, in order; later changes do not affect the returned list. */
    public List<Hook> snapshot() {
        return registrations.isEmpty()
                ? List.of()
                : registrations.stream().map(r -> r.hook).toList();
    }

    public boolean isEmpty() {
        return registrations.isEmpty();
    }

    /** Identity equality, so that a hook registered twice is removed once per handle. */
    private final class Registration implements Hook.Handle {
        final Hook hook;

        Registration(Hook hook) {
            this.hook = hook;
        }

        @Override
        public void remove() {
            registrations.remove(this);
        }
    }
}
