package org.grad4j.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grad4j.nn.Parameter;

/**
 * Parameters that share hyper-parameters, like a PyTorch param group ({@code {'params': ...,
 * 'lr': 0.01}}). Options set here override the optimizer's defaults for this group only; the rest
 * come from the optimizer. Names are PyTorch's: lr, momentum, weight_decay, beta1, ...
 *
 * <pre>{@code
 * new SGD(List.of(new ParamGroup(model.features.parameters()),
 *                 new ParamGroup(model.classifier.parameters()).set("lr", 1e-3)), 1e-2).momentum(0.9);
 * }</pre>
 */
public final class ParamGroup {
    private final List<Parameter> params;
    private final Map<String, Double> own = new LinkedHashMap<>();
    private Map<String, Double> defaults = Map.of();
    private double initialLr = Double.NaN;

    public ParamGroup(Iterable<Parameter> params) {
        List<Parameter> list = new ArrayList<>();
        params.forEach(list::add);
        this.params = Collections.unmodifiableList(list);
    }

    public List<Parameter> params() {
        return params;
    }

    /** Overrides an option for this group. */
    public ParamGroup set(String name, double value) {
        own.put(name, value);
        return this;
    }

    /** The group's own value of an option, else the optimizer's default. */
    public double get(String name) {
        Double value = own.containsKey(name) ? own.get(name) : defaults.get(name);
        if (value == null) {
            throw new IllegalArgumentException(
                    "ParamGroup: no option '" + name + "' (have " + options().keySet() + ")");
        }
        return value;
    }

    public double lr() {
        return get("lr");
    }

    /** Sets this group's learning rate (what schedules do). */
    public void lr(double value) {
        set("lr", value);
    }

    /** The lr the first schedule attached to this group started from (PyTorch's initial_lr); NaN before. */
    public double initialLr() {
        return initialLr;
    }

    public void initialLr(double value) {
        initialLr = value;
    }

    /** Every option in effect: the optimizer's defaults overridden by the group's own. */
    public Map<String, Double> options() {
        Map<String, Double> all = new LinkedHashMap<>(defaults);
        all.putAll(own);
        return all;
    }

    Map<String, Double> own() {
        return own;
    }

    void defaults(Map<String, Double> optimizerDefaults) {
        this.defaults = optimizerDefaults;
    }
}
