package org.grad4j.optim;

import java.util.List;
import java.util.Map;
import org.grad4j.tensor.Tensor;

/**
 * Adadelta, as {@code torch.optim.Adadelta}: s = ρ·s + (1 − ρ)·g²,
 * Δ = sqrt(u + eps)/sqrt(s + eps)·g, u = ρ·u + (1 − ρ)·Δ², p −= lr·Δ. Defaults: lr 1.0, rho 0.9,
 * eps 1e-6, weight decay 0.
 */
public final class Adadelta extends Optimizer {
    /**
     * Adadelta's options, with PyTorch's names and defaults: lr 1.0, rho 0.9, eps 1e-6, weight
     * decay 0.
     *
     * @param lr the coefficient of the update, &gt;= 0
     * @param rho the decay of the running averages, in [0, 1]
     * @param eps added inside the square roots, &gt;= 0
     * @param weightDecay the L2 penalty, &gt;= 0
     */
    public record Options(double lr, double rho, double eps, double weightDecay) implements OptimizerOptions {
        /**
         * Options with these values, each checked.
         *
         * @param lr the coefficient of the update, &gt;= 0
         * @param rho the decay of the running averages, in [0, 1]
         * @param eps added inside the square roots, &gt;= 0
         * @param weightDecay the L2 penalty, &gt;= 0
         * @throws IllegalArgumentException naming the first option out of its range
         */
        public Options {
            Check.nonNegative("Adadelta", "lr", lr);
            Check.closedUnitInterval("Adadelta", "rho", rho);
            Check.nonNegative("Adadelta", "eps", eps);
            Check.nonNegative("Adadelta", "weight_decay", weightDecay);
        }

        /**
         * PyTorch's defaults.
         *
         * @return the default options
         */
        public static Options defaults() {
            return new Options(1.0, 0.9, 1e-6, 0);
        }

        @Override
        public Options lr(double value) {
            return new Options(value, rho, eps, weightDecay);
        }

        /**
         * These options with another rho.
         *
         * @param value the new rho
         * @return a copy of these options with it
         */
        public Options rho(double value) {
            return new Options(lr, value, eps, weightDecay);
        }

        /**
         * These options with another eps.
         *
         * @param value the new eps
         * @return a copy of these options with it
         */
        public Options eps(double value) {
            return new Options(lr, rho, value, weightDecay);
        }

        /**
         * These options with another weight decay.
         *
         * @param value the new weight decay
         * @return a copy of these options with it
         */
        public Options weightDecay(double value) {
            return new Options(lr, rho, eps, value);
        }
    }

    /**
     * Adadelta over {@code params} with the default options.
     *
     * @param params the tensors to update
     */
    public Adadelta(Iterable<? extends Tensor> params) {
        this(params, Options.defaults());
    }

    /**
     * Adadelta over {@code params} with {@code options}.
     *
     * @param params the tensors to update
     * @param options the options of the one group
     */
    public Adadelta(Iterable<? extends Tensor> params, Options options) {
        this(oneGroup(params), options);
    }

    /**
     * Adadelta over param groups; a group without options of its own takes {@code defaults}.
     *
     * @param groups the param groups
     * @param defaults the options of the groups made without their own
     */
    public Adadelta(List<ParamGroup> groups, Options defaults) {
        super(groups, defaults);
    }

    @Override
    protected List<String> stateNames() {
        return List.of("step", "square_avg", "acc_delta");
    }

    @Override
    protected void update(OptimizerOptions options, Tensor p, Tensor grad, Map<String, Tensor> state) {
        Options g = (Options) options;
        nextStep(state);
        float rho = (float) g.rho();
        float eps = (float) g.eps();
        float wd = (float) g.weightDecay();
        Tensor d = wd != 0 ? grad.add(p.mul(wd)) : grad;
        Tensor squareAvg = state.computeIfAbsent("square_avg", k -> zerosLike(p));
        Tensor accDelta = state.computeIfAbsent("acc_delta", k -> zerosLike(p));
        squareAvg.mul_(rho).add_(d.mul(d), 1 - rho);
        Tensor delta = accDelta.add(eps).sqrt().div(squareAvg.add(eps).sqrt()).mul(d);
        accDelta.mul_(rho).add_(delta.mul(delta), 1 - rho);
        p.sub_(delta.mul((float) g.lr()));
    }
}
