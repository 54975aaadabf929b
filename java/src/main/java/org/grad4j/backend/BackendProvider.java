package org.grad4j.backend;

/**
 * A source of a {@link Backend}, found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.grad4j.backend.BackendProvider}). The highest-ranked provider
 * that is available is used unless the user names one.
 */
public interface BackendProvider {

    /**
     * The name users select the backend by, with {@code -Dgrad4j.backend} or {@code GRAD4J_BACKEND}.
     *
     * @return e.g. {@code "java"} or {@code "native"}
     */
    String name();

    /**
     * The provider's priority when the user names no backend; higher wins.
     *
     * @return the rank
     */
    int rank();

    /**
     * Whether the backend can be created here.
     *
     * @return null when it can, else why not (e.g. which jar to add)
     */
    String unavailableReason();

    /**
     * Creates the backend; called at most once, and only when {@link #unavailableReason()} is null.
     *
     * @return the new backend
     */
    Backend create();
}
