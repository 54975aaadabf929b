package org.grad4j.nn;

import java.util.ArrayList;
import java.util.List;
import org.grad4j.autograd.GradMode;
import org.grad4j.backend.Backend;
import org.grad4j.backend.Threads;
import org.grad4j.internal.trace.Tracing;
import org.grad4j.tensor.Tensor;

/**
 * Trains a module on all cores by splitting each batch, as PyTorch's {@code nn.DataParallel}
 * splits one over GPUs and DL4J's {@code ParallelWrapper} over workers. {@link #forward} cuts the
 * input along dim 0 into {@link #shards()} shards and runs the module on each at once, on the
 * backend's threads ({@code Backend.runParts}), every kernel of a shard on its shard's thread
 * alone, and concatenates the outputs; backward runs each shard's backward the same way and gives
 * every parameter the sum of the shards' gradients, added in shard order. The module and its
 * parameters are shared, not copied. A step then waits for the other threads twice, not once per
 * kernel, and the Java work of building and walking the graph runs on every core at once: what
 * pays for a model of small layers, whose kernels are too short to split well.
 *
 * <pre>{@code
 * Module model = new DataParallel(new Sequential(new Flatten(), new Linear(784, 400), ...));
 * Tensor loss = criterion.forward(model.forward(batch.input()), batch.target());
 * loss.backward();   // each parameter's grad: the sum over the shards
 * }</pre>
 *
 * The gradients equal the module's on the whole batch up to rounding, for a loss that sums or
 * averages over the batch, and a run is reproducible with the same number of shards, whatever the
 * thread count. Forward is the module's own, on the whole input, without grad mode, while a graph
 * is traced ({@code Compile}), with one shard, or for a batch smaller than the shard count. In
 * training mode the module must not change state in forward, since the shards run it at once: a
 * module with buffers (BatchNorm's running statistics) or {@link Dropout} (whose masks would follow
 * the threads' timing) is refused; in eval mode both are fine. The shards' graphs are freed by the
 * first backward through them.
 */
public final class DataParallel extends Module {
    private final Module module;
    private final int shards;

    /**
     * The module run on one shard per thread of {@link Threads#get()}; with one thread, forward is
     * the module's.
     *
     * @param module the module
     * @throws IllegalArgumentException if {@code module} is null
     */
    public DataParallel(Module module) {
        this(module, Threads.get());
    }

    /**
     * The module run on {@code shards} shards of each batch.
     *
     * @param module the module
     * @param shards the number of shards, from 1 to {@link Backend#MAX_PARTS}
     * @throws IllegalArgumentException if {@code module} is null or {@code shards} is out of range
     */
    public DataParallel(Module module, int shards) {
        if (module == null) {
            throw new IllegalArgumentException("DataParallel: the module is null");
        }
        if (shards < 1 || shards > Backend.MAX_PARTS) {
            throw new IllegalArgumentException(
                    "DataParallel: shards must be in [1, " + Backend.MAX_PARTS + "], got " + shards);
        }
        this.module = registerModule("module", module);
        this.shards = shards;
    }

    /**
     * The module it runs.
     *
     * @return the module
     */
    public Module module() {
        return module;
    }

    /**
     * How many shards each batch is cut into.
     *
     * @return the count
     */
    public int shards() {
        return shards;
    }

    /**
     * The module's output on the input, computed shard by shard on the backend's threads.
     *
     * @param input the batch, its first dim the samples
     * @return the module's output for every sample, the shards' outputs concatenated along dim 0
     * @throws IllegalStateException in training mode, if the module has buffers or dropout; or if
     *     the module's outputs for the shards do not have one row per sample and the same other sizes
     */
    @Override
    public Tensor forward(Tensor input) {
        if (shards == 1
                || input.dim() == 0
                || input.shape()[0] < shards
                || !GradMode.isEnabled()
                || Tracing.current() != null) {
            return module.forward(input);
        }
        if (isTraining()) {
            refuseTrainingState();
        }
        List<Tensor> inputs = new ArrayList<>();
        inputs.add(input);
        for (Parameter p : module.parameters()) {
            if (p.requiresGrad()) {
                inputs.add(p);
            }
        }
        return new ShardedForward(module, shards).apply(inputs.toArray(new Tensor[0]));
    }

    private void refuseTrainingState() {
        for (Module m : module.modules()) {
            if (m instanceof Dropout) {
                throw new IllegalStateException("DataParallel: the module has a Dropout, whose masks would depend on"
                        + " the order the shards' threads draw in; use it in eval mode, or train without DataParallel");
            }
            if (!m.localBuffers().isEmpty()) {
                throw new IllegalStateException("DataParallel: the module has a "
                        + m.getClass().getSimpleName()
                        + " with buffers " + m.localBuffers().keySet() + ", which its training forward may update"
                        + " from every shard at once; use it in eval mode, or train without DataParallel");
            }
        }
    }
}
