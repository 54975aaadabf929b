package org.grad4j.optim;

import java.util.List;
import java.util.Map;
import org.grad4j.nn.Parameter;
import org.grad4j.tensor.Tensor;

/**
 * Adagrad, as {@code torch.optim.Adagrad}: the sum of squared gradients s += g² (starting at
 * initial_accumulator_value), p −= clr · g / (sqrt(s) + eps) with clr = lr / (1 + (t − 1)·lr_decay).
 * Defaults: lr 1e-2, lr_decay 0, weight decay 0, initial accumulator 0, eps 1e-10.
 */
public final class Adagrad extends Optimizer {
    public Adagrad(Iterable<Parameter> params, double lr) {
        this(oneGroup(params), lr);
    }

    public Adagrad(List<ParamGroup> groups, double lr) {
        super(
                groups,
                Defaults.of("lr", lr, "lr_decay", 0, "weight_decay", 0, "initial_accumulator_value", 0, "eps", 1e-10));
    }

    public Adagrad lrDecay(double value) {
        setDefault("lr_decay", value);
        return this;
    }

    public Adagrad weightDecay(double value) {
        setDefault("weight_decay", value);
        return this;
    }

    public Adagrad initialAccumulatorValue(double value) {
        setDefault("initial_accumulator_value", value);
        return this;
    }

    public Adagrad eps(double value) {
        setDefault("eps", value);
        return this;
    }

    @Override
    protected String requirement(String option, double value) {
        return Defaults.nonNegative(value);
    }

    @Override
    protected List<String> stateNames() {
        return List.of("step", "sum");
    }

    @Override
    protected void update(ParamGroup g, Parameter p, Tensor grad, Map<String, Tensor> state) {
        int t = nextStep(state);
        float wd = (float) g.get("weight_decay");
        Tensor d = wd != 0 ? grad.add(p.mul(wd)) : grad;
        Tensor sum =
                state.computeIfAbsent("sum", k -> Tensor.full((float) g.get("initial_accumulator_value"), p.shape()));
        sum.add_(d.mul(d));
        double clr = g.lr() / (1 + (t - 1) * g.get("lr_decay"));
        p.sub_(d.div(sum.sqrt().add((float) g.get("eps"))).mul((float) clr));
    }
}
