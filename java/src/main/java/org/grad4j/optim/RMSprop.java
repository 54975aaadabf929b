package org.grad4j.optim;

import java.util.List;
import java.util.Map;
import org.grad4j.tensor.Tensor;

/**
 * RMSprop, as {@code torch.optim.RMSprop}: s = α·s + (1 − α)·g²; with {@code centered} the
 * running mean of g is subtracted (avg = sqrt(s − ḡ²) + eps, else sqrt(s) + eps); p −= lr·g/avg,
 * or through a momentum buffer b = μ·b + g/avg. Defaults: lr 1e-2, alpha 0.99, eps 1e-8.
 */
public final class RMSprop extends Optimizer {
    /**
     * RMSprop's options, with PyTorch's names and defaults: lr 1e-2, alpha 0.99, eps 1e-8, weight
     * decay 0, momentum 0, not centered.
     *
     * @param lr the learning rate, &gt;= 0
     * @param alpha the smoothing constant, &gt;= 0
     * @param eps added to the denominator, &gt;= 0
     * @param weightDecay the L2 penalty, &gt;= 0
     * @param momentum the momentum factor, &gt;= 0
     * @param centered whether to normalize by the estimated variance of the gradient
     */
    public record Options(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered)
            implements OptimizerOptions {
        /**
         * Options with these values, each checked.
         *
         * @param lr the learning rate, &gt;= 0
         * @param alpha the smoothing constant, &gt;= 0
         * @param eps added to the denominator, &gt;= 0
         * @param weightDecay the L2 penalty, &gt;= 0
         * @param momentum the momentum factor, &gt;= 0
         * @param centered whether to normalize by the estimated variance of the gradient
         * @throws IllegalArgumentException naming the first option out of its range
         */
        public Options {
            Check.nonNegative("RMSprop", "lr", lr);
            Check.nonNegative("RMSprop", "alpha", alpha);
            Check.nonNegative("RMSprop", "eps", eps);
            Check.nonNegative("RMSprop", "weight_decay", weightDecay);
            Check.nonNegative("RMSprop", "momentum", momentum);
        }

        /**
         * PyTorch's defaults.
         *
         * @return the default options
         */
        public static Options defaults() {
            return new Options(1e-2, 0.99, 1e-8, 0, 0, false);
        }

        @Override
        public Options lr(double value) {
            return new Options(value, alpha, eps, weightDecay, momentum, centered);
        }

        /**
         * These options with another alpha.
         *
         * @param value the new alpha
         * @return a copy of these options with it
         */
        public Options alpha(double value) {
            return new Options(lr, value, eps, weightDecay, momentum, centered);
        }

        /**
         * These options with another eps.
         *
         * @param value the new eps
         * @return a copy of these options with it
         */
        public Options eps(double value) {
            return new Options(lr, alpha, value, weightDecay, momentum, centered);
        }

        /**
         * These options with another weight decay.
         *
         * @param value the new weight decay
         * @return a copy of these options with it
         */
        public Options weightDecay(double value) {
            return new Options(lr, alpha, eps, value, momentum, centered);
        }

        /**
         * These options with another momentum.
         *
         * @param value the new momentum
         * @return a copy of these options with it
         */
        public Options momentum(double value) {
            return new Options(lr, alpha, eps, weightDecay, value, centered);
        }

        /**
         * These options with another centered setting.
         *
         * @param value the new centered setting
         * @return a copy of these options with it
         */
        public Options centered(boolean value) {
            return new Options(lr, alpha, eps, weightDecay, momentum, value);
        }
    }

    /**
     * RMSprop over {@code params} with the default options.
     *
     * @param params the tensors to update
     */
    public RMSprop(Iterable<? extends Tensor> params) {
        this(params, Options.defaults());
    }

    /**
     * RMSprop over {@code params} with learning rate {@code lr} and the other options' defaults.
     *
     * @param params the tensors to update
     * @param lr the learning rate
     */
    public RMSprop(Iterable<? extends Tensor> params, double lr) {
        this(params, Options.defaults().lr(lr));
    }

    /**
     * RMSprop over {@code params} with {@code options}.
     *
     * @param params the tensors to update
     * @param options the options of the one group
     */
    public RMSprop(Iterable<? extends Tensor> params, Options options) {
        this(oneGroup(params), options);
    }

    /**
     * RMSprop over param groups; a group without options of its own takes {@code defaults}.
     *
     * @param groups the param groups
     * @param defaults the options of the groups made without their own
     */
    public RMSprop(List<ParamGroup> groups, Options defaults) {
        super(groups, defaults);
    }

    @Override
    protected List<String> stateNames() {
        return List.of("step", "square_avg", "momentum_buffer", "grad_avg");
    }

    @Override
    protected void update(OptimizerOptions options, Tensor p, Tensor grad, Map<String, Tensor> state) {
        Options g = (Options) options;
        nextStep(state);
        float alpha = (float) g.alpha();
        float wd = (float) g.weightDecay();
        float momentum = (float) g.momentum();
        Tensor d = wd != 0 ? grad.add(p.mul(wd)) : grad;
        Tensor squareAvg = state.computeIfAbsent("square_avg", k -> zerosLike(p));
        squareAvg.mul_(alpha).add_(d.mul(d), 1 - alpha);
        Tensor avg;
        if (g.centered()) {
            Tensor gradAvg = state.computeIfAbsent("grad_avg", k -> zerosLike(p));
            gradAvg.mul_(alpha).add_(d, 1 - alpha);
            avg = squareAvg.sub(gradAvg.mul(gradAvg)).sqrt().add((float) g.eps());
        } else {
            avg = squareAvg.sqrt().add((float) g.eps());
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
