package org.grad4j.spark;

import java.io.Serializable;
import java.util.List;
import org.grad4j.nn.Parameter;
import org.grad4j.optim.Optimizer;

/**
 * A recipe that builds the optimizer over a model's parameters, e.g. {@code params -> new Adam(params,
 * 1e-3)}: on the driver in {@link TrainingMode#sync()} mode, on each executor thread too in
 * {@link TrainingMode#localSgd(int)} mode.
 */
@FunctionalInterface
public interface OptimizerFactory extends Serializable {
    /**
     * Builds an optimizer.
     *
     * @param parameters the model's parameters, in {@code Module.parameters()} order
     * @return a new optimizer
     */
    Optimizer create(List<Parameter> parameters);
}
