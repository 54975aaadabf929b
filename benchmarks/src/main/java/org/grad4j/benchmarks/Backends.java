package org.grad4j.benchmarks;

import org.grad4j.backend.Backend;

/** Finds a backend by name for a benchmark's {@code backend} parameter, failing with what to install. */
final class Backends {
    private Backends() {}

    static Backend named(String name) {
        for (Backend b : Backend.available()) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        throw new IllegalStateException("benchmark: backend '" + name + "' is not available (have "
                + Backend.available().stream().map(Backend::name).toList()
                + "); the native backend needs grad4j-native with its platform classifier on the class path");
    }
}
