package org.grad4j.internal.backend.java;

import org.grad4j.backend.Backend;
import org.grad4j.backend.BackendProvider;

/** Provides {@link JavaBackend}; always available, ranked below any native backend. */
public final class JavaBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "java";
    }

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public String unavailableReason() {
        return null;
    }

    @Override
    public Backend create() {
        return new JavaBackend();
    }
}
