package org.grad4j.optim;

import java.util.List;
import java.util.Map;
import org.grad4j.internal.ops.FusedUpdates;
import org.grad4j.tensor.Tensor;

/**
 * Adam, as {@code torch.optim.Adam}: m = β1·m + (1 − β1)·g, v = β2·v + (1 − β2)·g²,
 * p −= lr/(1 − β1ᵗ) · m / (sqrt(v)/sqrt(1 − β2ᵗ) + eps), with weight decay added to the gradient
 * (L2) — or, for {@link AdamW}, applied to the parameter — and the AMSGrad variant that uses the
 * running maximum of v. Defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0.
 *
 * <pre>{@code
 * Adam opt = new Adam(model.parameters(), Adam.Options.defaults().betas(0.9, 0.99).amsgrad(true));
 * }</pre>
 */
public class Adam extends Optimizer {
    /**
     * Adam's options, with PyTorch's names and defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8,
     * weight decay 0, no AMSGrad.
     *
     * @param lr the learning rate, &gt;= 0
     * @param beta1 the decay of the running mean of gradients, in [0, 1)
     * @param beta2 the decay of the running mean of squared gradients, in [0, 1)
     * @param eps added to the denominator, &gt;= 0
     * @param weightDecay the weight decay, &gt;= 0 (added to the gradient by Adam, applied to the
     *     parameter by AdamW)
     * @param amsgrad whether to use the running maximum of the second moment
     */
    public record Options(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad)
            implements OptimizerOptions {
        /**
         * Options with these values, each checked.
         *
         * @param lr the learning rate, &gt;= 0
         * @param beta1 the decay of the running mean of gradients, in [0, 1)
         * @param beta2 the decay of the running mean of squared gradients, in [0, 1)
         * @param eps added to the denominator, &gt;= 0
         * @param weightDecay the weight decay, &gt;= 0 (added to the gradient by Adam, applied to the parameter by AdamW)
         * @param amsgrad whether to use the running maximum of the second moment
         * @throws IllegalArgumentException naming the first option out of its range
         */
        public Options {
            Check.nonNegative("Adam", "lr", lr);
            Check.unitInterval("Adam", "beta1", beta1);
            Check.unitInterval("Adam", "beta2", beta2);
            Check.nonNegative("Adam", "eps", eps);
            Check.nonNegative("Adam", "weight_decay", weightDecay);
        }

        /**
         * PyTorch's defaults for Adam.
         *
         * @return the default options
         */
        public static Options defaults() {
            return new Options(1e-3, 0.9, 0.999, 1e-8, 0, false);
        }

        @Override
        public Options lr(double value) {
            return new Options(value, beta1, beta2, eps, weightDecay, amsgrad);
        }

        /**
         * These options with other betas.
         *
         * @param b1 the new beta1, in [0, 1)
         * @param b2 the new beta2, in [0, 1)
         * @return a copy of these options with them
         */
        public Options betas(double b1, double b2) {
            return new Options(lr, b1, b2, eps, weightDecay, amsgrad);
        }

        /**
         * These options with another eps.
         *
         * @param value the new eps
         * @return a copy of these options with it
         */
        public Options eps(double value) {
            return new Options(lr, beta1, beta2, value, weightDecay, amsgrad);
        }

        /**
         * These options with another weight decay.
         *
         * @param value the new weight decay
         * @return a copy of these options with it
         */
        public Options weightDecay(double value) {
            return new Options(lr, beta1, beta2, eps, value, amsgrad);
        }

        /**
         * These options with AMSGrad on or off.
         *
         * @param value whether to use it
         * @return a copy of these options with it
         */
        public Options amsgrad(boolean value) {
            return new Options(lr, beta1, beta2, eps, weightDecay, value);
        }
    }

    private final boolean decoupled;

    /**
     * Adam over {@code params} with the default options.
     *
     * @param params the tensors to update
     */
    public Adam(Iterable<? extends Tensor> params) {
        this(params, Options.defaults());
    }

    /**
     * Adam over {@code params} with learning rate {@code lr} and the other options' defaults.
     *
     * @param params the tensors to update
     * @param lr the learning rate
     */
    public Adam(Iterable<? extends Tensor> params, double lr) {
        this(params, Options.defaults().lr(lr));
    }

    /**
     * Adam over {@code params} with {@code options}.
     *
     * @param params the tensors to update
     * @param options the options of the one group
     */
    public Adam(Iterable<? extends Tensor> params, Options options) {
        this(oneGroup(params), options);
    }

    /**
     * Adam over param groups; a group without options of its own takes {@code defaults}.
     *
     * @param groups the param groups
     * @param defaults the options of the groups made without their own
     */
    public Adam(List<ParamGroup> groups, Options defaults) {
        this(groups, defaults, false);
    }

    Adam(List<ParamGroup> groups, Options defaults, boolean decoupled) {
        super(groups, defaults);
        this.decoupled = decoupled;
    }

    @Override
    protected List<String> stateNames() {
        return List.of("step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq");
    }

    @Override
    protected void update(OptimizerOptions options, Tensor p, Tensor grad, Map<String, Tensor> state) {
        Options o = (Options) options;
        int t = nextStep(state);
        Tensor m = buffer(state, "exp_avg", p);
        Tensor v = buffer(state, "exp_avg_sq", p);
        float lr = (float) o.lr();
        float beta1 = (float) o.beta1();
        float beta2 = (float) o.beta2();
        float eps = (float) o.eps();
        float wd = (float) o.weightDecay();
        if (!o.amsgrad()) {
            FusedUpdates.adam(name(), p, grad, m, v, lr, beta1, beta2, eps, wd, t, decoupled);
            return;
        }
        Tensor d = grad;
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

    /** The state buffer of that name, zeros shaped like p on the first step (no lambda made per step). */
    private static Tensor buffer(Map<String, Tensor> state, String name, Tensor p) {
        Tensor b = state.get(name);
        if (b == null) {
            b = zerosLike(p);
            state.put(name, b);
        }
        return b;
    }
}
