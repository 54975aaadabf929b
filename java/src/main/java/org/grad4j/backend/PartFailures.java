package org.grad4j.backend;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;

/**
 * What the parts of one {@link Backend#runParts} call threw, kept by each part's thread and
 * rethrown by the caller once all have ended, as that method's contract asks of every backend.
 */
public final class PartFailures {
    private final AtomicReferenceArray<Throwable> thrown;

    /**
     * Checks the arguments of a {@link Backend#runParts} call, as every backend does first.
     *
     * @param parts the number of parts
     * @param part the work of a part
     * @throws IllegalArgumentException if {@code parts} is outside [1, {@link Backend#MAX_PARTS}] or
     *     {@code part} is null
     */
    public static void checkArguments(int parts, IntConsumer part) {
        if (parts < 1 || parts > Backend.MAX_PARTS) {
            throw new IllegalArgumentException(
                    "runParts: parts must be in [1, " + Backend.MAX_PARTS + "], got " + parts);
        }
        if (part == null) {
            throw new IllegalArgumentException("runParts: the part is null");
        }
    }

    /**
     * Room for {@code parts} parts.
     *
     * @param parts the number of parts
     */
    public PartFailures(int parts) {
        thrown = new AtomicReferenceArray<>(parts);
    }

    /**
     * Runs {@code part.accept(p)}, keeping whatever it throws instead of letting it reach the thread.
     *
     * @param part the work of a part
     * @param p the part's index
     */
    public void run(IntConsumer part, int p) {
        try {
            part.accept(p);
        } catch (Throwable t) {
            thrown.set(p, t);
        }
    }

    /** Rethrows the exception or error of the lowest part that threw one, if any did. */
    public void rethrow() {
        for (int p = 0; p < thrown.length(); p++) {
            Throwable t = thrown.get(p);
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException("runParts: part " + p + " failed", t);
            }
        }
    }
}
