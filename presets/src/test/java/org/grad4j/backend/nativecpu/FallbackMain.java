package org.grad4j.backend.nativecpu;

import org.grad4j.backend.Backend;

/** Run in a child JVM by {@link FallbackTest}: prints which backend runs, or why none could. */
public final class FallbackMain {
    private FallbackMain() {}

    public static void main(String[] args) {
        try {
            System.out.println("backend=" + Backend.current().name());
        } catch (IllegalStateException e) {
            System.out.println("error=" + e.getMessage());
        }
    }
}
