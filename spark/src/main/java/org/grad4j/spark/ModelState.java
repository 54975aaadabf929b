package org.grad4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.grad4j.autograd.GradMode;
import org.grad4j.nn.Module;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * A model's parameters, then its buffers, as one flat array: what the driver broadcasts each step.
 */
final class ModelState implements Serializable {
    private static final long serialVersionUID = 1L;

    final float[] values;

    private ModelState(float[] values) {
        this.values = values;
    }

    static ModelState of(Module model) {
        return new ModelState(floats(tensors(model)));
    }

    /** The tensors' values one after the other. */
    static float[] floats(Collection<? extends Tensor> tensors) {
        float[] values = new float[numel(tensors)];
        int at = 0;
        for (Tensor t : tensors) {
            float[] v = t.toArray();
            System.arraycopy(v, 0, values, at, v.length);
            at += v.length;
        }
        return values;
    }

    /** A state from values laid out as {@link #of} lays them out. */
    static ModelState of(float[] values) {
        return new ModelState(values);
    }

    void loadInto(Module model) {
        List<Tensor> tensors = tensors(model);
        int expected = numel(tensors);
        if (expected != values.length) {
            throw new IllegalStateException("grad4j-spark: the model factory built a model of " + expected
                    + " parameter and buffer values here, but the driver's model has " + values.length
                    + ": the factory must build the same architecture every time");
        }
        int at = 0;
        try (Scope ignored = GradMode.noGrad()) {
            for (Tensor t : tensors) {
                int n = t.numel();
                float[] slice = new float[n];
                System.arraycopy(values, at, slice, 0, n);
                t.copy_(Tensor.of(slice, t.shape()));
                at += n;
            }
        }
    }

    /** Sets the model's buffers to {@code weighted / weight}, laid out in {@code namedBuffers()} order. */
    static void loadBuffers(Module model, WeightedValues weighted, double weight) {
        int at = 0;
        try (Scope ignored = GradMode.noGrad()) {
            for (Tensor b : model.namedBuffers().values()) {
                float[] v = new float[b.numel()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (weighted.get(at + i) / weight);
                }
                b.copy_(Tensor.of(v, b.shape()));
                at += v.length;
            }
        }
    }

    /** The parameters in {@code Module.parameters()} order, then the buffers. */
    static List<Tensor> tensors(Module model) {
        List<Tensor> tensors = new ArrayList<>(model.parameters());
        tensors.addAll(model.namedBuffers().values());
        return tensors;
    }

    static int numel(Collection<? extends Tensor> tensors) {
        long n = 0;
        for (Tensor t : tensors) {
            n += t.numel();
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grad4j-spark: a model of " + n + " values does not fit one array");
        }
        return (int) n;
    }
}
