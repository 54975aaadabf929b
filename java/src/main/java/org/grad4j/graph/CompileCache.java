package org.grad4j.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The compiled forms of one compiled callable by {@link Signature}, the most recently used kept up
 * to a bound. A signature whose trace hits a graph break is remembered as eager (null), so that it
 * is tried once. Each trace and each fallback writes one log line (logger {@code org.grad4j.graph}).
 */
final class CompileCache<E> {
    static final int DEFAULT_CAPACITY = 8;
    private static final System.Logger LOG = System.getLogger("org.grad4j.graph");

    private final String what;
    private final int capacity;
    private final Map<Signature, Object> entries;
    private final Object eager = new Object();

    CompileCache(String what, int capacity) {
        this.what = what;
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Signature, Object> eldest) {
                return size() > CompileCache.this.capacity;
            }
        };
    }

    /** The compiled form for a signature, tracing it on a miss; null where that signature runs eagerly. */
    @SuppressWarnings("unchecked")
    E get(Signature signature, Function<Signature, E> compile) {
        Object e = entries.get(signature);
        if (e == null) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "grad4j compile: tracing " + what + " for " + signature + " (" + (entries.size() + 1) + " of at"
                            + " most " + capacity + " signatures kept)");
            try {
                e = compile.apply(signature);
            } catch (GraphBreakException ex) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "grad4j compile: " + what + " runs eagerly for " + signature + ": " + ex.getMessage());
                e = eager;
            }
            entries.put(signature, e);
        }
        return e == eager ? null : (E) e;
    }

    void remove(Signature signature) {
        entries.remove(signature);
    }

    int size() {
        return entries.size();
    }
}
