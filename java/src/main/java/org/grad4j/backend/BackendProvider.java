package org.grad4j.backend;

/**
 * A source of a {@link Backend}, found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.grad4j.backend.BackendProvider}). The highest-ranked provider
 * that is available is used unless the user names one.
 */
public interface BackendProvider {

    /** The name users select it by: {@code "java"}, {@code "native"}. */
    String name();

    /** Higher wins when the user names no backend. */
    int rank();

    /** Null when the backend can be created here, else why not (e.g. which jar to add). */
    String unavailableReason();

    /** Creates the backend; called at most once, and only when {@link #unavailableReason()} is null. */
    Backend create();
}
