package org.grad4j.autograd;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.grad4j.internal.tensor.Storage;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * Counts, on the calling thread, the bytes that recorded ops keep for backward: the storages of
 * the tensors their contexts save ({@link Context#saveForBackward}), each storage once however
 * many ops save it or views of it, from the save until the backward that frees it. Storages of the
 * tensors given to {@link #start} (a model's parameters, which stay in memory anyway) are not
 * counted. For measuring what activation checkpointing saves:
 *
 * <pre>{@code
 * try (SavedTensorMeter meter = SavedTensorMeter.start(model.parameters())) {
 *     model.forward(x).crossEntropy(y).backward();
 *     long peak = meter.peakBytes();
 * }
 * }</pre>
 */
public final class SavedTensorMeter implements AutoCloseable {
    private static final ThreadLocal<SavedTensorMeter> CURRENT = new ThreadLocal<>();

    private final SavedTensorMeter previous;
    private final Set<Storage> excluded = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Storage, Integer> held = new IdentityHashMap<>();
    private long bytes;
    private long peak;
    private boolean closed;

    private SavedTensorMeter(Iterable<? extends Tensor> exclude) {
        for (Tensor t : exclude) {
            excluded.add(TensorInternals.storage(t));
        }
        previous = CURRENT.get();
        CURRENT.set(this);
    }

    /**
     * Starts counting on the calling thread until {@link #close()}.
     *
     * @param exclude tensors whose storages are not counted
     * @return the meter
     */
    public static SavedTensorMeter start(Iterable<? extends Tensor> exclude) {
        return new SavedTensorMeter(exclude);
    }

    /** The calling thread's meter, or null. */
    static SavedTensorMeter current() {
        return CURRENT.get();
    }

    /**
     * The bytes kept for backward now.
     *
     * @return the bytes
     */
    public long bytes() {
        return bytes;
    }

    /**
     * The most bytes kept for backward at any moment since the start.
     *
     * @return the bytes
     */
    public long peakBytes() {
        return peak;
    }

    void saved(Tensor[] tensors) {
        for (Tensor t : tensors) {
            if (t != null && !closed) {
                Storage s = TensorInternals.storage(t);
                if (!excluded.contains(s) && held.merge(s, 1, Integer::sum) == 1) {
                    bytes += 4L * s.data().length;
                    peak = Math.max(peak, bytes);
                }
            }
        }
    }

    void released(Tensor[] tensors) {
        for (Tensor t : tensors) {
            if (t != null && !closed) {
                Storage s = TensorInternals.storage(t);
                Integer n = held.get(s);
                if (n != null && n == 1) {
                    held.remove(s);
                    bytes -= 4L * s.data().length;
                } else if (n != null) {
                    held.put(s, n - 1);
                }
            }
        }
    }

    /** Stops counting; the thread's previous meter, if any, counts again. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            CURRENT.set(previous);
        }
    }
}
