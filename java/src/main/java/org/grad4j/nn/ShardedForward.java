package org.grad4j.nn;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.grad4j.autograd.Anomaly;
import org.grad4j.autograd.Autograd;
import org.grad4j.autograd.Context;
import org.grad4j.autograd.Function;
import org.grad4j.autograd.GradMode;
import org.grad4j.backend.Backend;
import org.grad4j.internal.tensor.LeafGradientCapture;
import org.grad4j.internal.tensor.ScopedStorages;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.Storage;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * {@link DataParallel}'s recorded call: inputs are the batch and the parameters that require grad;
 * forward runs the module on each shard in a part of {@link Backend#runParts}, keeping each shard's
 * graph; backward runs each shard's backward in a part, the gradients of the shared leaves captured
 * per shard ({@link LeafGradientCapture}) and summed in shard order.
 */
final class ShardedForward extends Function {
    private final Module module;
    private final int shards;
    private final Thread caller = Thread.currentThread();
    private Backend backend;
    private Tensor[] inputs;
    private Tensor[] shardInputs;
    private Tensor[] shardOutputs;

    ShardedForward(Module module, int shards) {
        this.module = module;
        this.shards = shards;
    }

    @Override
    public String name() {
        return "DataParallel";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        inputs = in;
        Tensor input = in[0];
        int n = input.shape()[0];
        backend = Backend.current();
        shardInputs = new Tensor[shards];
        shardOutputs = new Tensor[shards];
        for (int p = 0; p < shards; p++) {
            Tensor x =
                    input.narrow(0, start(n, p), start(n, p + 1) - start(n, p)).detach();
            shardInputs[p] = ctx.needsInputGrad(0) ? x.requiresGrad(true) : x;
        }
        runShards(anyNeedsGrad(ctx, in.length), p -> shardOutputs[p] = module.forward(shardInputs[p]));
        Tensor[] outputs = new Tensor[shards];
        for (int p = 0; p < shards; p++) {
            outputs[p] = checkedOutput(p);
        }
        return Tensor.cat(0, outputs);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        if (shardOutputs == null) {
            throw new IllegalStateException("DataParallel: backward through shards whose graphs an earlier"
                    + " backward freed; run the forward again (the shards do not keep their graphs for"
                    + " another backward, even with retainGraph)");
        }
        int n = gradOutput.shape()[0];
        List<Map<Tensor, Tensor>> captured = new ArrayList<>(shards);
        for (int p = 0; p < shards; p++) {
            captured.add(new IdentityHashMap<>());
        }
        runShards(false, p -> {
            Tensor out = shardOutputs[p];
            if (out.requiresGrad()) {
                Tensor g = gradOutput.narrow(0, start(n, p), start(n, p + 1) - start(n, p));
                LeafGradientCapture.into(captured.get(p), () -> Autograd.backward(out, g, false));
            }
        });
        Tensor[] grads = new Tensor[inputs.length];
        if (ctx.needsInputGrad(0)) {
            Tensor[] parts = new Tensor[shards];
            for (int p = 0; p < shards; p++) {
                Tensor g = captured.get(p).get(shardInputs[p]);
                parts[p] = g != null ? g : Tensor.zeros(shardInputs[p].shape());
            }
            grads[0] = Tensor.cat(0, parts);
        }
        for (int i = 1; i < inputs.length; i++) {
            if (ctx.needsInputGrad(i)) {
                grads[i] = sum(inputs[i], captured);
            }
        }
        inputs = null;
        shardInputs = null;
        shardOutputs = null;
        return grads;
    }

    @Override
    protected boolean backwardReturnsUnsharedGradients() {
        return true;
    }

    private static boolean anyNeedsGrad(Context ctx, int inputs) {
        for (int i = 0; i < inputs; i++) {
            if (ctx.needsInputGrad(i)) {
                return true;
            }
        }
        return false;
    }

    /** A leaf's gradient: the sum of the shards' in shard order, zeros where no shard reached it. */
    private static Tensor sum(Tensor leaf, List<Map<Tensor, Tensor>> captured) {
        Tensor total = null;
        for (Map<Tensor, Tensor> shard : captured) {
            Tensor g = shard.get(leaf);
            if (g == null) {
                continue;
            }
            if (total == null) {
                total = g;
            } else {
                total.add_(g);
                g.close();
            }
        }
        return total != null ? total : Tensor.zeros(leaf.shape());
    }

    /** The first sample of shard p of n samples: the shards differ by at most one, the first the longer. */
    private int start(int n, int p) {
        return n - (int) ((long) n * (shards - p) / shards);
    }

    private Tensor checkedOutput(int p) {
        Tensor out = shardOutputs[p];
        int rows = shardInputs[p].shape()[0];
        if (out == null || out.dim() == 0 || out.shape()[0] != rows) {
            throw new IllegalStateException("DataParallel: the module's output for a shard of " + rows
                    + " samples has shape " + (out == null ? "null" : Shapes.str(out.shape()))
                    + "; it must have one row per sample");
        }
        int[] first = shardOutputs[0].shape();
        if (!Arrays.equals(Arrays.copyOfRange(first, 1, first.length), Arrays.copyOfRange(out.shape(), 1, out.dim()))) {
            throw new IllegalStateException("DataParallel: the module's outputs for the shards have shapes "
                    + Shapes.str(first) + " and " + Shapes.str(out.shape()) + "; they must differ in dim 0 only");
        }
        return out.detach();
    }

    /**
     * Runs shard(p) for every shard on the backend's threads, each with this thread's grad mode
     * {@code grad}, backend and anomaly detection; the tensors a shard makes on another thread go to
     * this thread's innermost {@code TensorScope}, as if made here.
     */
    private void runShards(boolean grad, IntConsumer shard) {
        boolean anomaly = Anomaly.isEnabled();
        List<List<WeakReference<Storage>>> handedOver = new ArrayList<>(shards);
        for (int p = 0; p < shards; p++) {
            handedOver.add(null);
        }
        backend.runParts(shards, p -> {
            boolean elsewhere = Thread.currentThread() != caller;
            if (elsewhere) {
                ScopedStorages.open();
            }
            try (Scope modes = grad ? GradMode.enableGrad() : GradMode.noGrad();
                    Scope on = Backend.use(backend);
                    Scope detecting = anomaly ? Anomaly.detect() : null) {
                shard.accept(p);
            } finally {
                if (elsewhere) {
                    handedOver.set(p, ScopedStorages.handOver());
                }
            }
        });
        for (List<WeakReference<Storage>> made : handedOver) {
            if (made != null) {
                ScopedStorages.adoptAll(made);
            }
        }
    }
}
