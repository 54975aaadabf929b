package org.grad4j.optim;

import java.util.List;
import java.util.Map;
import org.grad4j.backend.Backend;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.nn.Parameter;
import org.grad4j.tensor.Tensor;

/**
 * Adam, as {@code torch.optim.Adam}: m = β1·m + (1 − β1)·g, v = β2·v + (1 − β2)·g²,
 * p −= lr/(1 − β1ᵗ) · m / (sqrt(v)/sqrt(1 − β2ᵗ) + eps), with weight decay added to the gradient
 * (L2) — or, for {@link AdamW}, applied to the parameter — and the AMSGrad variant that uses the
 * running maximum of v. Defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0.
 *
 * <pre>{@code
 * Adam opt = new Adam(model.parameters(), 1e-3).betas(0.9, 0.99).amsgrad(true);
 * }</pre>
 */
public class Adam extends Optimizer {
    private final boolean decoupled;

    public Adam(Iterable<Parameter> params, double lr) {
        this(oneGroup(params), lr);
    }

    public Adam(List<ParamGroup> groups, double lr) {
        this(groups, lr, 0, false);
    }

    Adam(List<ParamGroup> groups, double lr, double weightDecay, boolean decoupled) {
        super(
                groups,
                Defaults.of(
                        "lr",
                        lr,
                        "beta1",
                        0.9,
                        "beta2",
                        0.999,
                        "eps",
                        1e-8,
                        "weight_decay",
                        weightDecay,
                        "amsgrad",
                        0));
        this.decoupled = decoupled;
    }

    public Adam betas(double beta1, double beta2) {
        setDefault("beta1", beta1);
        setDefault("beta2", beta2);
        return this;
    }

    public Adam eps(double value) {
        setDefault("eps", value);
        return this;
    }

    public Adam weightDecay(double value) {
        setDefault("weight_decay", value);
        return this;
    }

    public Adam amsgrad(boolean value) {
        setDefault("amsgrad", value ? 1 : 0);
        return this;
    }

    @Override
    protected String requirement(String option, double value) {
        return switch (option) {
            case "beta1", "beta2" -> Defaults.unitInterval(value);
            case "amsgrad" -> Defaults.bool(value);
            default -> Defaults.nonNegative(value);
        };
    }

    @Override
    protected List<String> stateNames() {
        return List.of("step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq");
    }

    @Override
    protected void update(ParamGroup g, Parameter p, Tensor grad, Map<String, Tensor> state) {
        Tensor d = Updates.contiguous(name(), p, grad);
        int t = nextStep(state);
        Tensor m = state.computeIfAbsent("exp_avg", k -> zerosLike(p));
        Tensor v = state.computeIfAbsent("exp_avg_sq", k -> zerosLike(p));
        float lr = (float) g.lr();
        float beta1 = (float) g.get("beta1");
        float beta2 = (float) g.get("beta2");
        float eps = (float) g.get("eps");
        float wd = (float) g.get("weight_decay");
        if (!flag(g, "amsgrad")) {
            Backend.current()
                    .adamStep(
                            TensorInternals.data(p),
                            p.storageOffset(),
                            TensorInternals.data(d),
                            d.storageOffset(),
                            TensorInternals.data(m),
                            TensorInternals.data(v),
                            p.numel(),
                            lr,
                            beta1,
                            beta2,
                            eps,
                            wd,
                            t,
                            decoupled);
        } else {
            if (decoupled) {
                p.mul_(1 - lr * wd);
            } else if (wd != 0) {
                d = d.add(p.mul(wd));
            }
            m.mul_(beta1).add_(d, 1 - beta1);
            v.mul_(beta2).add_(d.mul(d), 1 - beta2);
            Tensor max = state.computeIfAbsent("max_exp_avg_sq", k -> zerosLike(p));
            max.copy_(Tensor.where(v.gt(max), v, max));
            double c1 = 1 - Math.pow(beta1, t);
            double sqrtC2 = Math.sqrt(1 - Math.pow(beta2, t));
            p.sub_(m.div(max.sqrt().div((float) sqrtC2).add(eps)).mul((float) (lr / c1)));
        }
        TensorInternals.storage(m).bumpVersion();
        TensorInternals.storage(v).bumpVersion();
    }
}
