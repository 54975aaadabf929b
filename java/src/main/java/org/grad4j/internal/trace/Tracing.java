package org.grad4j.internal.trace;

import org.grad4j.tensor.Scope;

/** The recorder, if any, that the calling thread's eager ops report to. */
public final class Tracing {
    private static final ThreadLocal<Recorder> CURRENT = new ThreadLocal<>();

    private Tracing() {}

    /** The calling thread's recorder, or null when nothing is traced. */
    public static Recorder current() {
        return CURRENT.get();
    }

    /** Reports ops to {@code recorder} until the scope closes; then the previous recorder is back. */
    public static Scope begin(Recorder recorder) {
        Recorder previous = CURRENT.get();
        CURRENT.set(recorder);
        return () -> CURRENT.set(previous);
    }

    /** Tells the current recorder, if any, that values are read into Java or written in place. */
    public static void hostAccess(String what) {
        Recorder r = CURRENT.get();
        if (r != null) {
            r.hostAccess(what);
        }
    }
}
