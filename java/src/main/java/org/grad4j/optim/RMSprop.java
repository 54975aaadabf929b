package org.grad4j.optim;

import java.util.List;
import java.util.Map;
import org.grad4j.nn.Parameter;
import org.grad4j.tensor.Tensor;

/**
 * RMSprop, as {@code torch.optim.RMSprop}: s = α·s + (1 − α)·g²; with {@code centered} the
 * running mean of g is subtracted (avg = sqrt(s − ḡ²) + eps, else sqrt(s) + eps); p −= lr·g/avg,
 * or through a momentum buffer b = μ·b + g/avg. Defaults: lr 1e-2, alpha 0.99, eps 1e-8.
 */
public final class RMSprop extends Optimizer {
    public RMSprop(Iterable<Parameter> params, double lr) {
        this(oneGroup(params), lr);
    }

    public RMSprop(List<ParamGroup> groups, double lr) {
        super(
                groups,
                Defaults.of("lr", lr, "alpha", 0.99, "eps", 1e-8, "weight_decay", 0, "momentum", 0, "centered", 0));
    }

    public RMSprop alpha(double value) {
        setDefault("alpha", value);
        return this;
    }

    public RMSprop eps(double value) {
        setDefault("eps", value);
        return this;
    }

    public RMSprop weightDecay(double value) {
        setDefault("weight_decay", value);
        return this;
    }

    public RMSprop momentum(double value) {
        setDefault("momentum", value);
        return this;
    }

    public RMSprop centered(boolean value) {
        setDefault("centered", value ? 1 : 0);
        return this;
    }

    @Override
    protected String requirement(String option, double value) {
        return option.equals("centered") ? Defaults.bool(value) : Defaults.nonNegative(value);
    }

    @Override
    protected List<String> stateNames() {
        return List.of("step", "square_avg", "momentum_buffer", "grad_avg");
    }

    @Override
    protected void update(ParamGroup g, Parameter p, Tensor grad, Map<String, Tensor> state) {
        nextStep(state);
        float alpha = (float) g.get("alpha");
        float wd = (float) g.get("weight_decay");
        float momentum = (float) g.get("momentum");
        Tensor d = wd != 0 ? grad.add(p.mul(wd)) : grad;
        Tensor squareAvg = state.computeIfAbsent("square_avg", k -> zerosLike(p));
        squareAvg.mul_(alpha).add_(d.mul(d), 1 - alpha);
        Tensor avg;
        if (flag(g, "centered")) {
            Tensor gradAvg = state.computeIfAbsent("grad_avg", k -> zerosLike(p));
            gradAvg.mul_(alpha).add_(d, 1 - alpha);
            avg = squareAvg.sub(gradAvg.mul(gradAvg)).sqrt().add((float) g.get("eps"));
        } else {
            avg = squareAvg.sqrt().add((float) g.get("eps"));
        }
        if (momentum > 0) {
            Tensor buf = state.computeIfAbsent("momentum_buffer", k -> zerosLike(p));
            buf.mul_(momentum).add_(d.div(avg));
            p.sub_(buf.mul((float) g.lr()));
        } else {
            p.sub_(d.div(avg).mul((float) g.lr()));
        }
    }
}
