package org.grad4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.grad4j.autograd.Anomaly;
import org.grad4j.autograd.GradMode;
import org.grad4j.backend.Backend;
import org.grad4j.internal.backend.java.JavaBackend;
import org.junit.jupiter.api.Test;

/**
 * Scopes close innermost first; closing one out of order is refused and leaves the innermost open
 * scope's setting in force; a second close does nothing.
 */
class ScopeOrderTest {
    private static final String OUT_OF_ORDER = ", opened inside it, is still open; close scopes in the reverse"
            + " order they were opened (try-with-resources does)";

    @Test
    void gradModeScopesClosedOutOfOrderAreRefusedAndKeepTheInnerMode() {
        Scope outer = GradMode.noGrad();
        Scope inner = GradMode.enableGrad();
        IllegalStateException e = assertThrows(IllegalStateException.class, outer::close);
        assertEquals(
                "GradMode.noGrad(): closed out of order while GradMode.enableGrad()" + OUT_OF_ORDER, e.getMessage());
        assertTrue(GradMode.isEnabled());
        inner.close();
        assertFalse(GradMode.isEnabled());
        outer.close();
        assertTrue(GradMode.isEnabled());
    }

    @Test
    void closingAScopeTwiceDoesNothing() {
        Scope first = GradMode.noGrad();
        first.close();
        first.close();
        assertTrue(GradMode.isEnabled());
        Scope second = GradMode.noGrad();
        first.close();
        assertFalse(GradMode.isEnabled());
        second.close();
        second.close();
        assertTrue(GradMode.isEnabled());
    }

    @Test
    void backendScopesClosedOutOfOrderAreRefusedAndKeepTheInnerBackend() {
        Backend before = Backend.current();
        Backend one = new JavaBackend(1);
        Backend two = new JavaBackend(1);
        Scope outer = Backend.use(one);
        Scope inner = Backend.use(two);
        IllegalStateException e = assertThrows(IllegalStateException.class, outer::close);
        assertEquals("Backend.use(java): closed out of order while Backend.use(java)" + OUT_OF_ORDER, e.getMessage());
        assertSame(two, Backend.current());
        inner.close();
        assertSame(one, Backend.current());
        outer.close();
        assertSame(before, Backend.current());
    }

    @Test
    void anomalyScopesClosedOutOfOrderAreRefused() {
        Scope outer = Anomaly.detect();
        Scope noGrad = GradMode.noGrad();
        Scope inner = Anomaly.detect();
        IllegalStateException e = assertThrows(IllegalStateException.class, outer::close);
        assertEquals("Anomaly.detect(): closed out of order while Anomaly.detect()" + OUT_OF_ORDER, e.getMessage());
        assertTrue(Anomaly.isEnabled());
        inner.close();
        noGrad.close();
        assertTrue(Anomaly.isEnabled());
        outer.close();
        assertFalse(Anomaly.isEnabled());
    }

    @Test
    void aScopeClosedOnAnotherThreadIsRefusedAndChangesNeitherThread() throws Exception {
        Scope scope = GradMode.noGrad();
        try {
            String message = CompletableFuture.supplyAsync(() -> {
                        IllegalStateException e = assertThrows(IllegalStateException.class, scope::close);
                        assertTrue(GradMode.isEnabled());
                        return e.getMessage();
                    })
                    .get();
            assertTrue(message.startsWith("GradMode.noGrad(): closed on thread '"), message);
            assertTrue(message.endsWith("'; a scope sets its own thread's state and must be closed there"), message);
            assertFalse(GradMode.isEnabled());
        } finally {
            scope.close();
        }
        assertTrue(GradMode.isEnabled());
    }

    @Test
    void tryWithResourcesRestoresTheModeWhenTheBodyThrows() {
        assertThrows(ArithmeticException.class, () -> {
            try (Scope outer = GradMode.noGrad();
                    Scope inner = GradMode.enableGrad()) {
                throw new ArithmeticException("body");
            }
        });
        assertTrue(GradMode.isEnabled());
    }
}
