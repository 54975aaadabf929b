package org.grad4j.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grad4j.optim.OptimizerState;
import org.grad4j.tensor.Tensor;

/**
 * An optimizer's state as flat values that travel to executors and average: per-parameter buffers in
 * key order, and the groups' options as they are.
 */
record OptimizerSnapshot(List<String> keys, List<int[]> shapes, float[] values, Map<String, String> options)
        implements Serializable {
    static OptimizerSnapshot of(OptimizerState state) {
        List<String> keys = state.tensors().keySet().stream().sorted().toList();
        List<int[]> shapes =
                keys.stream().map(k -> state.tensors().get(k).shape()).toList();
        float[] values = new float
                [ModelState.numel(keys.stream().map(k -> state.tensors().get(k)).toList())];
        int at = 0;
        for (String k : keys) {
            float[] v = state.tensors().get(k).toArray();
            System.arraycopy(v, 0, values, at, v.length);
            at += v.length;
        }
        return new OptimizerSnapshot(keys, shapes, values, new LinkedHashMap<>(state.values()));
    }

    OptimizerState toState() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        int at = 0;
        for (int i = 0; i < keys.size(); i++) {
            int[] shape = shapes.get(i);
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            float[] v = new float[n];
            System.arraycopy(values, at, v, 0, n);
            tensors.put(keys.get(i), Tensor.of(v, shape));
            at += n;
        }
        return new OptimizerState(tensors, options);
    }

    /** Whether value i is a step count, which must average to a whole number. */
    boolean[] stepCounts() {
        boolean[] steps = new boolean[values.length];
        int at = 0;
        for (int i = 0; i < keys.size(); i++) {
            int n = 1;
            for (int d : shapes.get(i)) {
                n *= d;
            }
            if (keys.get(i).endsWith(".step")) {
                Arrays.fill(steps, at, at + n, true);
            }
            at += n;
        }
        return steps;
    }
}
