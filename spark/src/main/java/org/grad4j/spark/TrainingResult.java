package org.grad4j.spark;

import java.util.List;
import org.grad4j.nn.Module;

/**
 * What {@link SparkTrainer#fit} returns.
 *
 * @param model the trained model, on the driver
 * @param epochs one entry per epoch
 */
public record TrainingResult(Module model, List<EpochMetrics> epochs) {
    /**
     * Copies the epoch list.
     *
     * @param model the trained model
     * @param epochs one entry per epoch
     */
    public TrainingResult {
        epochs = List.copyOf(epochs);
    }
}
