package org.grad4j.optim;

import java.util.List;
import java.util.Map;
import org.grad4j.tensor.Tensor;

/**
 * Adagrad, as {@code torch.optim.Adagrad}: the sum of squared gradients s += g² (starting at
 * initial_accumulator_value), p −= clr · g / (sqrt(s) + eps) with clr = lr / (1 + (t − 1)·lr_decay).
 * Defaults: lr 1e-2, lr_decay 0, weight decay 0, initial accumulator 0, eps 1e-10.
 */
public final class Adagrad extends Optimizer {
    /**
     * Adagrad's options, with PyTorch's names and defaults: lr 1e-2, lr decay 0, weight decay 0,
     * initial accumulator 0, eps 1e-10.
     *
     * @param lr the learning rate, &gt;= 0
     * @param lrDecay the learning-rate decay, &gt;= 0
     * @param weightDecay the L2 penalty, &gt;= 0
     * @param initialAccumulatorValue the start of the sum of squared gradients, &gt;= 0
     * @param eps added to the denominator, &gt;= 0
     */
    public record Options(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps)
            implements OptimizerOptions {
        /**
         * Options with these values, each checked.
         *
         * @param lr the learning rate, &gt;= 0
         * @param lrDecay the learning-rate decay, &gt;= 0
         * @param weightDecay the L2 penalty, &gt;= 0
         * @param initialAccumulatorValue the start of the sum of squared gradients, &gt;= 0
         * @param eps added to the denominator, &gt;= 0
         * @throws IllegalArgumentException naming the first option out of its range
         */
        public Options {
            Check.nonNegative("Adagrad", "lr", lr);
            Check.nonNegative("Adagrad", "lr_decay", lrDecay);
            Check.nonNegative("Adagrad", "weight_decay", weightDecay);
            Check.nonNegative("Adagrad", "initial_accumulator_value", initialAccumulatorValue);
            Check.nonNegative("Adagrad", "eps", eps);
        }

        /**
         * PyTorch's defaults.
         *
         * @return the default options
         */
        public static Options defaults() {
            return new Options(1e-2, 0, 0, 0, 1e-10);
        }

        @Override
        public Options lr(double value) {
            return new Options(value, lrDecay, weightDecay, initialAccumulatorValue, eps);
        }

        /**
         * These options with another lr decay.
         *
         * @param value the new lr decay
         * @return a copy of these options with it
         */
        public Options lrDecay(double value) {
            return new Options(lr, value, weightDecay, initialAccumulatorValue, eps);
        }

        /**
         * These options with another weight decay.
         *
         * @param value the new weight decay
         * @return a copy of these options with it
         */
        public Options weightDecay(double value) {
            return new Options(lr, lrDecay, value, initialAccumulatorValue, eps);
        }

        /**
         * These options with another initial accumulator value.
         *
         * @param value the new initial accumulator value
         * @return a copy of these options with it
         */
        public Options initialAccumulatorValue(double value) {
            return new Options(lr, lrDecay, weightDecay, value, eps);
        }

        /**
         * These options with another eps.
         *
         * @param value the new eps
         * @return a copy of these options with it
         */
        public Options eps(double value) {
            return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, value);
        }
    }

    /**
     * Adagrad over {@code params} with the default options.
     *
     * @param params the tensors to update
     */
    public Adagrad(Iterable<? extends Tensor> params) {
        this(params, Options.defaults());
    }

    /**
     * Adagrad over {@code params} with learning rate {@code lr} and the other options' defaults.
     *
     * @param params the tensors to update
     * @param lr the learning rate
     */
    public Adagrad(Iterable<? extends Tensor> params, double lr) {
        this(params, Options.defaults().lr(lr));
    }

    /**
     * Adagrad over {@code params} with {@code options}.
     *
     * @param params the tensors to update
     * @param options the options of the one group
     */
    public Adagrad(Iterable<? extends Tensor> params, Options options) {
        this(oneGroup(params), options);
    }

    /**
     * Adagrad over param groups; a group without options of its own takes {@code defaults}.
     *
     * @param groups the param groups
     * @param defaults the options of the groups made without their own
     */
    public Adagrad(List<ParamGroup> groups, Options defaults) {
        super(groups, defaults);
    }

    @Override
    protected List<String> stateNames() {
        return List.of("step", "sum");
    }

    @Override
    protected void update(OptimizerOptions options, Tensor p, Tensor grad, Map<String, Tensor> state) {
        Options g = (Options) options;
        int t = nextStep(state);
        float wd = (float) g.weightDecay();
        Tensor d = wd != 0 ? grad.add(p.mul(wd)) : grad;
        Tensor sum = state.computeIfAbsent("sum", k -> Tensor.full((float) g.initialAccumulatorValue(), p.shape()));
        sum.add_(d.mul(d));
        double clr = g.lr() / (1 + (t - 1) * g.lrDecay());
        p.sub_(d.div(sum.sqrt().add((float) g.eps())).mul((float) clr));
    }
}
