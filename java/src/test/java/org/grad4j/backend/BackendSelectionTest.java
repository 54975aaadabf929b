package org.grad4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.grad4j.internal.backend.java.JavaBackend;
import org.grad4j.internal.backend.java.JavaBackendProvider;
import org.grad4j.tensor.Scope;
import org.junit.jupiter.api.Test;

class BackendSelectionTest {
    /** A provider of a higher rank that may or may not load. */
    private static BackendProvider fake(String name, int rank, String unavailable, Backend backend) {
        return new BackendProvider() {
            public String name() {
                return name;
            }

            public int rank() {
                return rank;
            }

            public String unavailableReason() {
                return unavailable;
            }

            public Backend create() {
                return backend;
            }
        };
    }

    @Test
    void coreAloneRunsTheJavaBackend() {
        assertEquals("java", Backend.current().name());
    }

    @Test
    void bestAvailableProviderWinsWhenNoneIsRequested() {
        Backend fast = new JavaBackend(1);
        Backend chosen =
                BackendRegistry.choose(null, List.of(fake("native", 10, null, fast), new JavaBackendProvider()));
        assertSame(fast, chosen);
    }

    @Test
    void withoutANativeProviderTheAnnouncementNamesTheArtifactToAdd() {
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger("org.grad4j.backend");
        log.addHandler(handler);
        try {
            BackendRegistry.choose(null, List.of(new JavaBackendProvider()));
            BackendRegistry.choose(
                    null, List.of(fake("native", 10, null, new JavaBackend(1)), new JavaBackendProvider()));
        } finally {
            log.removeHandler(handler);
        }
        assertEquals(2, logged.size(), logged.toString());
        assertTrue(
                logged.get(0)
                        .startsWith("grad4j backend: java (best available; for the native backend add"
                                + " org.grad4j:grad4j-platform"),
                logged.get(0));
        assertTrue(logged.get(1).startsWith("grad4j backend: java (best available, 1 threads)"), logged.get(1));
    }

    @Test
    void unavailableProviderFallsBackToJava() {
        Backend chosen = BackendRegistry.choose(
                null, List.of(fake("native", 10, "no jnig4 in java.library.path", null), new JavaBackendProvider()));
        assertEquals("java", chosen.name());
    }

    @Test
    void requestingAnUnavailableBackendIsAnError() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> BackendRegistry.choose(
                        "native",
                        List.of(fake("native", 10, "libg4 failed to load", null), new JavaBackendProvider())));
        assertTrue(e.getMessage().contains("'native' was requested"), e.getMessage());
        assertTrue(e.getMessage().contains("libg4 failed to load"), e.getMessage());
    }

    @Test
    void requestingAnUnknownBackendNamesTheKnownOnesAndTheJarToAdd() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> BackendRegistry.choose("native", List.of(new JavaBackendProvider())));
        assertTrue(e.getMessage().contains("known: [java]"), e.getMessage());
        assertTrue(e.getMessage().contains("grad4j-platform"), e.getMessage());
    }

    @Test
    void useOverridesTheBackendOnThisThreadOnly() throws Exception {
        Backend one = new JavaBackend(1);
        try (Scope ignored = Backend.use(one)) {
            assertSame(one, Backend.current());
            Backend[] seen = new Backend[1];
            Thread t = new Thread(() -> seen[0] = Backend.current());
            t.start();
            t.join();
            assertEquals("java", seen[0].name());
            assertTrue(seen[0] != one);
        }
        assertTrue(Backend.current() != one);
    }

    @Test
    void threadCountIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> new JavaBackend(0));
        assertEquals(3, new JavaBackend(3).threads());
    }
}
