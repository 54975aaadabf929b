package org.grad4j.internal.trace;

import org.grad4j.graph.Attributes;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/** The recorder, if any, that the calling thread's eager ops report to. */
public final class Tracing {
    private static final ThreadLocal<Recorder> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<String> BACKWARD_OF = new ThreadLocal<>();
    private static final Scope NOTHING = () -> {};

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

    /** The op whose backward the calling thread runs, for messages; null outside a backward. */
    public static String backwardOf() {
        return BACKWARD_OF.get();
    }

    /** Marks the calling thread as running {@code op}'s backward until the scope closes. */
    public static Scope inBackwardOf(String op) {
        if (CURRENT.get() == null) {
            return NOTHING;
        }
        String previous = BACKWARD_OF.get();
        BACKWARD_OF.set(op);
        return () -> BACKWARD_OF.set(previous);
    }

    /**
     * Tells the current recorder, if any, that {@code target} is about to be written in place; the
     * ops the write itself applies, until the scope closes, are not recorded.
     */
    public static Scope inPlace(String op, Tensor target, Tensor operand) {
        Recorder r = CURRENT.get();
        if (r == null) {
            return NOTHING;
        }
        r.inPlace(op, target, operand);
        r.enterOp();
        return r::exitOp;
    }

    /** Tells the current recorder, if any, that {@code result} is {@code source.detach()}. */
    public static void detached(Tensor source, Tensor result) {
        Recorder r = CURRENT.get();
        if (r != null) {
            r.detached(source, result);
        }
    }

    /** Tells the current recorder, if any, that values are read into Java or kernels called outside an op. */
    public static void hostAccess(String what) {
        Recorder r = CURRENT.get();
        if (r != null) {
            r.hostAccess(what);
        }
    }

    /**
     * Marks the start of a layer that exchange formats write as one operator (see {@link
     * org.grad4j.graph.Region}); a no-op when nothing is traced. Each call is closed by {@link
     * #exitRegion} on the same thread.
     *
     * @param op the layer's name
     * @param attributes its configuration
     * @param inputs its inputs, then its parameters, in the order the layer documents
     */
    public static void enterRegion(String op, Attributes attributes, Tensor... inputs) {
        Recorder r = CURRENT.get();
        if (r != null) {
            r.enterRegion(op, attributes, inputs);
        }
    }

    /**
     * Marks the end of the layer begun by the matching {@link #enterRegion}.
     *
     * @param outputs what the layer returns
     */
    public static void exitRegion(Tensor... outputs) {
        Recorder r = CURRENT.get();
        if (r != null) {
            r.exitRegion(outputs);
        }
    }
}
