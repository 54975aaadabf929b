package org.grad4j.spark;

import java.io.Serializable;
import org.grad4j.nn.Module;

/**
 * A recipe that builds the model: it runs once on the driver, whose model is the one trained, and
 * once on each executor thread, whose copy only ever holds the driver's parameters. So it must build
 * the same architecture every time; its initial values matter on the driver only.
 */
@FunctionalInterface
public interface ModelFactory extends Serializable {
    /**
     * Builds a new model.
     *
     * @return a module in training mode
     */
    Module create();
}
