package org.grad4j.backend.nativecpu;

import org.grad4j.backend.Backend;
import org.grad4j.backend.BackendProvider;

/**
 * Provides {@link NativeBackend} when its libraries load. This class touches no JavaCPP type
 * until {@link #unavailableReason()} tries the load, so it is harmless on a class path without
 * JavaCPP or without the platform jar: the Java backend is used and one log line says why.
 */
public final class NativeBackendProvider implements BackendProvider {
    private String reason;
    private boolean checked;

    @Override
    public String name() {
        return "native";
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public synchronized String unavailableReason() {
        if (!checked) {
            checked = true;
            try {
                NativeLibrary.load();
            } catch (Throwable t) {
                reason = "its libraries did not load (" + t + "); add the jar for this platform:"
                        + " org.grad4j:grad4j-native:<version>:" + NativeLibrary.platform()
                        + ", or depend on org.grad4j:grad4j-platform"
                        + (getClass().getModule().isNamed()
                                ? "; on the module path, resolve the platform modules too (--add-modules"
                                        + " ALL-MODULE-PATH)"
                                : "");
            }
        }
        return reason;
    }

    @Override
    public Backend create() {
        return new NativeBackend();
    }
}
