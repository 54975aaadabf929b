package org.grad4j.backend;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.grad4j.internal.backend.java.JavaBackendProvider;
import org.grad4j.internal.tensor.ScopeStack;
import org.grad4j.tensor.Scope;

/** Chooses the backend once per JVM: the user's choice, else the best available provider. */
final class BackendRegistry {
    static final String PROPERTY = "grad4j.backend";
    static final String ENVIRONMENT = "GRAD4J_BACKEND";
    private static final System.Logger LOG = System.getLogger("org.grad4j.backend");

    private BackendRegistry() {}

    private static volatile Backend chosen;
    private static IllegalStateException failure;

    private static final ScopeStack<Backend> OVERRIDE = new ScopeStack<>(null);

    static Backend current() {
        Backend override = OVERRIDE.get();
        if (override != null) {
            return override;
        }
        Backend b = chosen;
        return b != null ? b : choose();
    }

    /** Chooses once; a failed choice (a requested backend that cannot load) fails every call the same way. */
    private static synchronized Backend choose() {
        if (chosen == null) {
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            try {
                chosen = choose(requested(), providers());
            } catch (IllegalStateException e) {
                failure = e;
                throw e;
            }
        }
        return chosen;
    }

    static Scope use(Backend backend) {
        java.util.Objects.requireNonNull(backend, "backend");
        return OVERRIDE.open("Backend.use(" + backend.name() + ")", backend);
    }

    private static final class All {
        static final List<Backend> AVAILABLE = providers().stream()
                .filter(p -> p.unavailableReason() == null)
                .map(BackendProvider::create)
                .toList();
    }

    static List<Backend> available() {
        return All.AVAILABLE;
    }

    static String requested() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isBlank()) {
            name = System.getenv(ENVIRONMENT);
        }
        return name == null || name.isBlank() ? null : name.trim().toLowerCase(Locale.ROOT);
    }

    static List<BackendProvider> providers() {
        List<BackendProvider> found = new ArrayList<>();
        found.add(new JavaBackendProvider());
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            if (!p.name().equals("java")) {
                found.add(p);
            }
        }
        found.sort(Comparator.comparingInt(BackendProvider::rank).reversed());
        return found;
    }

    /** The named provider's backend (an error if it cannot load), else the best available one. */
    static Backend choose(String requested, List<BackendProvider> providers) {
        if (requested != null) {
            for (BackendProvider p : providers) {
                if (p.name().equals(requested)) {
                    String reason = p.unavailableReason();
                    if (reason != null) {
                        throw new IllegalStateException("grad4j backend '" + requested + "' was requested (-D"
                                + PROPERTY + " or " + ENVIRONMENT + ") but cannot load: " + reason);
                    }
                    return announce(p.create(), "requested");
                }
            }
            throw new IllegalStateException("grad4j backend '" + requested + "' was requested (-D" + PROPERTY
                    + " or " + ENVIRONMENT + ") but no such backend is on the class path; known: "
                    + providers.stream().map(BackendProvider::name).toList()
                    + ("native".equals(requested) ? "; " + NATIVE_ARTIFACT : ""));
        }
        boolean nativeOnClassPath = providers.stream().anyMatch(p -> p.name().equals("native"));
        for (BackendProvider p : providers) {
            String reason = p.unavailableReason();
            if (reason == null) {
                return announce(
                        p.create(), nativeOnClassPath ? "best available" : "best available; " + NATIVE_ARTIFACT);
            }
            LOG.log(Level.INFO, "grad4j backend '" + p.name() + "' is not available: " + reason);
        }
        throw new IllegalStateException("no grad4j backend is available");
    }

    /** What brings the native backend, for messages where it is missing. */
    static final String NATIVE_ARTIFACT = "for the native backend add org.grad4j:grad4j-platform (or grad4j-native with"
            + " your platform classifier, e.g. linux-x86_64)";

    private static Backend announce(Backend backend, String why) {
        LOG.log(Level.INFO, "grad4j backend: " + backend.name() + " (" + why + ", " + backend.threads() + " threads)");
        return backend;
    }
}
