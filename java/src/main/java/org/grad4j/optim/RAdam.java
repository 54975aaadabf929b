package org.grad4j.optim;

import java.util.List;
import java.util.Map;
import org.grad4j.nn.Parameter;
import org.grad4j.tensor.Tensor;

/**
 * Rectified Adam, as {@code torch.optim.RAdam}: Adam's moments, with the adaptive step used only
 * once the variance of its estimate is tractable (ρₜ > 5) and scaled by the rectification term;
 * before that, plain momentum SGD on the bias-corrected mean. Defaults: lr 1e-3, betas
 * (0.9, 0.999), eps 1e-8, weight decay 0.
 */
public final class RAdam extends Optimizer {
    public RAdam(Iterable<Parameter> params, double lr) {
        this(oneGroup(params), lr);
    }

    public RAdam(List<ParamGroup> groups, double lr) {
        super(groups, Defaults.of("lr", lr, "beta1", 0.9, "beta2", 0.999, "eps", 1e-8, "weight_decay", 0));
    }

    public RAdam betas(double beta1, double beta2) {
        setDefault("beta1", beta1);
        setDefault("beta2", beta2);
        return this;
    }

    public RAdam eps(double value) {
        setDefault("eps", value);
        return this;
    }

    public RAdam weightDecay(double value) {
        setDefault("weight_decay", value);
        return this;
    }

    @Override
    protected String requirement(String option, double value) {
        return option.startsWith("beta") ? Defaults.unitInterval(value) : Defaults.nonNegative(value);
    }

    @Override
    protected List<String> stateNames() {
        return List.of("step", "exp_avg", "exp_avg_sq");
    }

    @Override
    protected void update(ParamGroup g, Parameter p, Tensor grad, Map<String, Tensor> state) {
        int t = nextStep(state);
        double beta1 = g.get("beta1");
        double beta2 = g.get("beta2");
        float wd = (float) g.get("weight_decay");
        Tensor d = wd != 0 ? grad.add(p.mul(wd)) : grad;
        Tensor m = state.computeIfAbsent("exp_avg", k -> zerosLike(p));
        Tensor v = state.computeIfAbsent("exp_avg_sq", k -> zerosLike(p));
        m.mul_((float) beta1).add_(d, (float) (1 - beta1));
        v.mul_((float) beta2).add_(d.mul(d), (float) (1 - beta2));
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        double rhoInf = 2 / (1 - beta2) - 1;
        double rhoT = rhoInf - 2 * t * Math.pow(beta2, t) / c2;
        Tensor mHat = m.div((float) c1);
        if (rhoT > 5) {
            double rect = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
            Tensor adaptive = v.sqrt().add((float) g.get("eps")).reciprocal().mul((float) Math.sqrt(c2));
            p.sub_(mHat.mul(adaptive).mul((float) (g.lr() * rect)));
        } else {
            p.sub_(mHat.mul((float) g.lr()));
        }
    }
}
