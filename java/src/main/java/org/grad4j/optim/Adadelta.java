package org.grad4j.optim;

import java.util.List;
import java.util.Map;
import org.grad4j.nn.Parameter;
import org.grad4j.tensor.Tensor;

/**
 * Adadelta, as {@code torch.optim.Adadelta}: s = ρ·s + (1 − ρ)·g²,
 * Δ = sqrt(u + eps)/sqrt(s + eps)·g, u = ρ·u + (1 − ρ)·Δ², p −= lr·Δ. Defaults: lr 1.0, rho 0.9,
 * eps 1e-6, weight decay 0.
 */
public final class Adadelta extends Optimizer {
    public Adadelta(Iterable<Parameter> params) {
        this(oneGroup(params), 1.0);
    }

    public Adadelta(List<ParamGroup> groups, double lr) {
        super(groups, Defaults.of("lr", lr, "rho", 0.9, "eps", 1e-6, "weight_decay", 0));
    }

    public Adadelta rho(double value) {
        setDefault("rho", value);
        return this;
    }

    public Adadelta eps(double value) {
        setDefault("eps", value);
        return this;
    }

    public Adadelta weightDecay(double value) {
        setDefault("weight_decay", value);
        return this;
    }

    @Override
    protected String requirement(String option, double value) {
        return option.equals("rho") ? (value >= 0 && value <= 1 ? null : "in [0, 1]") : Defaults.nonNegative(value);
    }

    @Override
    protected List<String> stateNames() {
        return List.of("step", "square_avg", "acc_delta");
    }

    @Override
    protected void update(ParamGroup g, Parameter p, Tensor grad, Map<String, Tensor> state) {
        nextStep(state);
        float rho = (float) g.get("rho");
        float eps = (float) g.get("eps");
        float wd = (float) g.get("weight_decay");
        Tensor d = wd != 0 ? grad.add(p.mul(wd)) : grad;
        Tensor squareAvg = state.computeIfAbsent("square_avg", k -> zerosLike(p));
        Tensor accDelta = state.computeIfAbsent("acc_delta", k -> zerosLike(p));
        squareAvg.mul_(rho).add_(d.mul(d), 1 - rho);
        Tensor delta = accDelta.add(eps).sqrt().div(squareAvg.add(eps).sqrt()).mul(d);
        accDelta.mul_(rho).add_(delta.mul(delta), 1 - rho);
        p.sub_(delta.mul((float) g.lr()));
    }
}
