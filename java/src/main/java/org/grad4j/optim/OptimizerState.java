package org.grad4j.optim;

import java.util.Map;
import org.grad4j.tensor.Tensor;

/**
 * An optimizer's state in flat form, ready for a checkpoint: {@code tensors} holds the
 * per-parameter buffers keyed {@code state.<param index>.<name>} (PyTorch's names: exp_avg,
 * momentum_buffer, step, ...), {@code values} the param groups' options keyed
 * {@code param_groups.<group>.<option>} as exact decimal strings.
 */
public record OptimizerState(Map<String, Tensor> tensors, Map<String, String> values) {
    /**
     * A state holding copies of both maps.
     *
     * @param tensors the per-parameter buffers by key
     * @param values the groups' options by key
     */
    public OptimizerState {
        tensors = Map.copyOf(tensors);
        values = Map.copyOf(values);
    }
}
