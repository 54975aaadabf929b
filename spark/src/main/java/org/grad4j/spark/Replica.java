package org.grad4j.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.grad4j.autograd.GradMode;
import org.grad4j.backend.Backend;
import org.grad4j.backend.Threads;
import org.grad4j.nn.Module;
import org.grad4j.nn.Parameter;
import org.grad4j.nn.loss.Loss;
import org.grad4j.nn.loss.Reduction;
import org.grad4j.optim.Optimizer;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.grad4j.tensor.TensorScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An executor thread's copy of the model and loss, built once per run from the recipes and loaded
 * with the driver's state before each use: so each task is a function of (state, partition, step)
 * alone, and a retried task gives the same result.
 */
final class Replica {
    private static final Logger LOG = LoggerFactory.getLogger(Replica.class);
    private static final ThreadLocal<Replica> CURRENT = new ThreadLocal<>();
    private static final int EVALUATION_CHUNK = 512;

    final String runId;
    final Module model;
    final Loss loss;
    final List<Parameter> parameters;
    private final OptimizerFactory optimizerFactory;
    private Optimizer optimizer;

    private Replica(RunSpec spec) {
        Threads.set(spec.threadsPerTask());
        this.runId = spec.runId();
        this.model = spec.modelFactory().create();
        this.loss = spec.lossFactory().create();
        this.parameters = model.parameters();
        this.optimizerFactory = spec.optimizerFactory();
        SparkEnv env = SparkEnv.get();
        LOG.info(
                "grad4j on executor {} ({}): backend {} with {} thread(s)",
                env == null ? "?" : env.executorId(),
                Thread.currentThread().getName(),
                Backend.current().name(),
                Backend.current().threads());
    }

    /** This thread's replica for the run, built on first use. */
    static Replica of(RunSpec spec) {
        Replica replica = CURRENT.get();
        if (replica == null || !replica.runId.equals(spec.runId())) {
            replica = new Replica(spec);
            CURRENT.set(replica);
        }
        return replica;
    }

    /** The block's share of a global batch: its gradient, loss and buffers, weighted for summing. */
    GradientSum gradient(ModelState state, Block block, int[] batchOf, int batch) {
        GradientSum sum = new GradientSum();
        int[] picked = block.rowsOf(batchOf, batch);
        if (picked.length == 0) {
            return sum;
        }
        long start = System.nanoTime();
        try (TensorScope scope = TensorScope.open()) {
            state.loadInto(model);
            model.train();
            model.zeroGrad();
            double weight = weight(picked.length);
            sum.lossSum = backward(block, picked).item() * weight;
            sum.gradients = WeightedValues.of(gradients(), weight);
            sum.buffers =
                    WeightedValues.of(ModelState.floats(model.namedBuffers().values()), picked.length);
        }
        sum.rows = picked.length;
        sum.computeNanos = System.nanoTime() - start;
        return sum;
    }

    /**
     * A local-SGD round on the block: from the given model and optimizer state, one optimizer step on
     * each of its shares of batches [first, end); returns its final states weighted by its rows.
     */
    LocalSum localSteps(ModelState state, OptimizerSnapshot start, Block block, int[] batchOf, int first, int end) {
        LocalSum sum = new LocalSum();
        long begin = System.nanoTime();
        state.loadInto(model);
        model.train();
        if (optimizer == null) {
            optimizer = optimizerFactory.create(parameters);
        }
        optimizer.loadStateDict(start.toState());
        for (int b = first; b < end; b++) {
            int[] picked = block.rowsOf(batchOf, b);
            if (picked.length == 0) {
                continue;
            }
            try (TensorScope scope = TensorScope.open()) {
                optimizer.zeroGrad();
                sum.lossSum += backward(block, picked).item() * weight(picked.length);
                optimizer.step();
            }
            sum.rows += picked.length;
        }
        if (sum.rows == 0) {
            return sum;
        }
        sum.model = WeightedValues.of(ModelState.of(model).values, sum.rows);
        sum.layout = OptimizerSnapshot.of(optimizer.stateDict());
        sum.optimizer = WeightedValues.of(sum.layout.values(), sum.rows);
        sum.computeNanos = System.nanoTime() - begin;
        return sum;
    }

    /** Runs forward and backward on the block's picked rows; returns the loss. */
    private Tensor backward(Block block, int[] picked) {
        Tensor out = model.forward(Tensor.of(block.featuresOf(picked), picked.length, block.width));
        Tensor value = loss.forward(out, Tensor.of(block.labelsOf(picked), picked.length));
        value.backward();
        return value;
    }

    /** How many times a loss over {@code rows} rows counts in a sum over the batch. */
    private double weight(int rows) {
        return loss.reduction() == Reduction.MEAN ? rows : 1;
    }

    /** The loss sum and correct predictions over a partition's samples, in eval mode. */
    EvaluationSum evaluate(ModelState state, Iterator<Sample> samples) {
        state.loadInto(model);
        model.eval();
        EvaluationSum sum = new EvaluationSum(0, 0, 0);
        List<Sample> chunk = new ArrayList<>(EVALUATION_CHUNK);
        try (Scope noGrad = GradMode.noGrad()) {
            while (samples.hasNext()) {
                chunk.add(samples.next());
                if (chunk.size() == EVALUATION_CHUNK || !samples.hasNext()) {
                    sum = sum.add(evaluate(chunk));
                    chunk.clear();
                }
            }
        }
        return sum;
    }

    private EvaluationSum evaluate(List<Sample> chunk) {
        int width = chunk.get(0).features().length;
        float[] features = new float[chunk.size() * width];
        float[] labels = new float[chunk.size()];
        for (int i = 0; i < chunk.size(); i++) {
            Sample s = chunk.get(i);
            if (s.features().length != width) {
                throw new IllegalArgumentException("SparkTrainer.evaluate: a sample has " + s.features().length
                        + " feature values, another in its partition " + width);
            }
            System.arraycopy(s.features(), 0, features, i * width, width);
            labels[i] = s.label();
        }
        try (TensorScope scope = TensorScope.open()) {
            Tensor target = Tensor.of(labels, labels.length);
            Tensor out = model.forward(Tensor.of(features, labels.length, width));
            double lossSum = loss.forward(out, target).item() * weight(labels.length);
            long correct = (long) out.argmax(1).eq(target).sum().item();
            return new EvaluationSum(lossSum, correct, labels.length);
        }
    }

    /** The parameters' gradients as one array, zeros for a parameter that got none. */
    private float[] gradients() {
        float[] out = new float[ModelState.numel(parameters)];
        int at = 0;
        for (Parameter p : parameters) {
            Tensor g = p.grad();
            if (g != null) {
                float[] v = g.toArray();
                System.arraycopy(v, 0, out, at, v.length);
            }
            at += p.numel();
        }
        return out;
    }
}
