package org.grad4j.optim;

import java.util.List;
import java.util.Map;
import org.grad4j.tensor.Tensor;

/**
 * Rectified Adam, as {@code torch.optim.RAdam}: Adam's moments, with the adaptive step used only
 * once the variance of its estimate is tractable (ρₜ > 5) and scaled by the rectification term;
 * before that, plain momentum SGD on the bias-corrected mean. Defaults: lr 1e-3, betas
 * (0.9, 0.999), eps 1e-8, weight decay 0.
 */
public final class RAdam extends Optimizer {
    /**
     * RAdam's options, with PyTorch's names and defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8,
     * weight decay 0.
     *
     * @param lr the learning rate, &gt;= 0
     * @param beta1 the decay of the running mean of gradients, in [0, 1)
     * @param beta2 the decay of the running mean of squared gradients, in [0, 1)
     * @param eps added to the denominator, &gt;= 0
     * @param weightDecay the L2 penalty, &gt;= 0
     */
    public record Options(double lr, double beta1, double beta2, double eps, double weightDecay)
            implements OptimizerOptions {
        /**
         * Options with these values, each checked.
         *
         * @param lr the learning rate, &gt;= 0
         * @param beta1 the decay of the running mean of gradients, in [0, 1)
         * @param beta2 the decay of the running mean of squared gradients, in [0, 1)
         * @param eps added to the denominator, &gt;= 0
         * @param weightDecay the L2 penalty, &gt;= 0
         * @throws IllegalArgumentException naming the first option out of its range
         */
        public Options {
            Check.nonNegative("RAdam", "lr", lr);
            Check.unitInterval("RAdam", "beta1", beta1);
            Check.unitInterval("RAdam", "beta2", beta2);
            Check.nonNegative("RAdam", "eps", eps);
            Check.nonNegative("RAdam", "weight_decay", weightDecay);
        }

        /**
         * PyTorch's defaults.
         *
         * @return the default options
         */
        public static Options defaults() {
            return new Options(1e-3, 0.9, 0.999, 1e-8, 0);
        }

        @Override
        public Options lr(double value) {
            return new Options(value, beta1, beta2, eps, weightDecay);
        }

        /**
         * These options with other betas.
         *
         * @param b1 the new beta1, in [0, 1)
         * @param b2 the new beta2, in [0, 1)
         * @return a copy of these options with them
         */
        public Options betas(double b1, double b2) {
            return new Options(lr, b1, b2, eps, weightDecay);
        }

        /**
         * These options with another eps.
         *
         * @param value the new eps
         * @return a copy of these options with it
         */
        public Options eps(double value) {
            return new Options(lr, beta1, beta2, value, weightDecay);
        }

        /**
         * These options with another weight decay.
         *
         * @param value the new weight decay
         * @return a copy of these options with it
         */
        public Options weightDecay(double value) {
            return new Options(lr, beta1, beta2, eps, value);
        }
    }

    /**
     * RAdam over {@code params} with the default options.
     *
     * @param params the tensors to update
     */
    public RAdam(Iterable<? extends Tensor> params) {
        this(params, Options.defaults());
    }

    /**
     * RAdam over {@code params} with learning rate {@code lr} and the other options' defaults.
     *
     * @param params the tensors to update
     * @param lr the learning rate
     */
    public RAdam(Iterable<? extends Tensor> params, double lr) {
        this(params, Options.defaults().lr(lr));
    }

    /**
     * RAdam over {@code params} with {@code options}.
     *
     * @param params the tensors to update
     * @param options the options of the one group
     */
    public RAdam(Iterable<? extends Tensor> params, Options options) {
        this(oneGroup(params), options);
    }

    /**
     * RAdam over param groups; a group without options of its own takes {@code defaults}.
     *
     * @param groups the param groups
     * @param defaults the options of the groups made without their own
     */
    public RAdam(List<ParamGroup> groups, Options defaults) {
        super(groups, defaults);
    }

    @Override
    protected List<String> stateNames() {
        return List.of("step", "exp_avg", "exp_avg_sq");
    }

    @Override
    protected void update(OptimizerOptions options, Tensor p, Tensor grad, Map<String, Tensor> state) {
        Options g = (Options) options;
        int t = nextStep(state);
        double beta1 = g.beta1();
        double beta2 = g.beta2();
        float wd = (float) g.weightDecay();
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
            Tensor adaptive = v.sqrt().add((float) g.eps()).reciprocal().mul((float) Math.sqrt(c2));
            p.sub_(mHat.mul(adaptive).mul((float) (g.lr() * rect)));
        } else {
            p.sub_(mHat.mul((float) g.lr()));
        }
    }
}
