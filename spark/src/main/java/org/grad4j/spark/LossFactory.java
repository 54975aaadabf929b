package org.grad4j.spark;

import java.io.Serializable;
import org.grad4j.nn.loss.Loss;

/** A recipe that builds the loss on each executor thread, e.g. {@code CrossEntropyLoss::new}. */
@FunctionalInterface
public interface LossFactory extends Serializable {
    /**
     * Builds the loss: it takes the model's output and a tensor of class indices, and reduces to the
     * mean or the sum over the batch.
     *
     * @return a new loss
     */
    Loss create();
}
