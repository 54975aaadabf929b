package org.grad4j.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.grad4j.tensor.Tensor;

/**
 * Parameters that share hyper-parameters, like a PyTorch param group ({@code {'params': ...,
 * 'lr': 0.01}}). A group made without options takes the optimizer's; one made with options keeps
 * them (start from the optimizer's defaults to change one).
 *
 * <pre>{@code
 * SGD.Options base = SGD.Options.defaults().lr(1e-2).momentum(0.9);
 * new SGD(List.of(new ParamGroup(features.parameters()),
 *                 new ParamGroup(classifier.parameters(), base.lr(1e-3))), base);
 * }</pre>
 */
public final class ParamGroup {
    private final List<Tensor> params;
    private OptimizerOptions options;
    private double initialLr = Double.NaN;

    /**
     * A group that takes the optimizer's options.
     *
     * @param params the tensors to update
     */
    public ParamGroup(Iterable<? extends Tensor> params) {
        List<Tensor> list = new ArrayList<>();
        params.forEach(list::add);
        this.params = Collections.unmodifiableList(list);
    }

    /**
     * A group with options of its own.
     *
     * @param params the tensors to update
     * @param options the group's options, of the optimizer's options type
     */
    public ParamGroup(Iterable<? extends Tensor> params, OptimizerOptions options) {
        this(params);
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The group's parameters, in order.
     *
     * @return the parameters
     */
    public List<Tensor> params() {
        return params;
    }

    /**
     * The group's options (the optimizer's unless the group was given its own).
     *
     * @return the options in force
     */
    public OptimizerOptions options() {
        return options;
    }

    /** Replaces the group's options; the optimizer checks their type. */
    void options(OptimizerOptions value) {
        options = value;
    }

    /**
     * The group's learning rate.
     *
     * @return the learning rate
     */
    public double lr() {
        return options.lr();
    }

    /**
     * Sets this group's learning rate (what schedules do).
     *
     * @param value the new learning rate, &gt;= 0
     */
    public void lr(double value) {
        options = options.lr(value);
    }

    /**
     * The lr the first schedule attached to this group started from (PyTorch's initial_lr).
     *
     * @return that lr, or NaN before a schedule is attached
     */
    public double initialLr() {
        return initialLr;
    }

    /**
     * Records the lr a schedule starts from.
     *
     * @param value the start lr
     */
    public void initialLr(double value) {
        initialLr = value;
    }
}
