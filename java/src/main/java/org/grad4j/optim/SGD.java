package org.grad4j.optim;

import java.util.List;
import java.util.Map;
import org.grad4j.internal.ops.FusedUpdates;
import org.grad4j.tensor.Tensor;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and weight
 * decay, exactly as {@code torch.optim.SGD}: with d = g + wd·p, the buffer b = d on the first
 * step and μ·b + (1 − dampening)·d after; p −= lr·(nesterov ? d + μ·b : b). Each parameter is
 * updated by one fused kernel.
 *
 * <pre>{@code
 * SGD opt = new SGD(model.parameters(), SGD.Options.defaults().lr(0.1).momentum(0.9).nesterov(true));
 * }</pre>
 */
public final class SGD extends Optimizer {
    /**
     * SGD's options, with PyTorch's names and defaults: lr 1e-3, momentum 0, dampening 0,
     * weight decay 0, no Nesterov momentum.
     *
     * @param lr the learning rate, &gt;= 0
     * @param momentum the momentum factor μ, &gt;= 0
     * @param dampening the dampening of momentum, &gt;= 0
     * @param weightDecay the L2 penalty, &gt;= 0
     * @param nesterov whether to use Nesterov momentum (needs momentum &gt; 0 and dampening 0)
     */
    public record Options(double lr, double momentum, double dampening, double weightDecay, boolean nesterov)
            implements OptimizerOptions {
        /**
         * Options with these values, each checked.
         *
         * @param lr the learning rate, &gt;= 0
         * @param momentum the momentum factor μ, &gt;= 0
         * @param dampening the dampening of momentum, &gt;= 0
         * @param weightDecay the L2 penalty, &gt;= 0
         * @param nesterov whether to use Nesterov momentum (needs momentum &gt; 0 and dampening 0)
         * @throws IllegalArgumentException naming the first option out of its range
         */
        public Options {
            Check.nonNegative("SGD", "lr", lr);
            Check.nonNegative("SGD", "momentum", momentum);
            Check.nonNegative("SGD", "dampening", dampening);
            Check.nonNegative("SGD", "weight_decay", weightDecay);
            if (nesterov && (momentum <= 0 || dampening != 0)) {
                throw new IllegalArgumentException("SGD: nesterov requires momentum > 0 and dampening = 0, got"
                        + " momentum " + momentum + " and dampening " + dampening);
            }
        }

        /**
         * PyTorch's defaults.
         *
         * @return the default options
         */
        public static Options defaults() {
            return new Options(1e-3, 0, 0, 0, false);
        }

        @Override
        public Options lr(double value) {
            return new Options(value, momentum, dampening, weightDecay, nesterov);
        }

        /**
         * These options with another momentum factor.
         *
         * @param value the new momentum factor
         * @return a copy of these options with it
         */
        public Options momentum(double value) {
            return new Options(lr, value, dampening, weightDecay, nesterov);
        }

        /**
         * These options with another dampening.
         *
         * @param value the new dampening
         * @return a copy of these options with it
         */
        public Options dampening(double value) {
            return new Options(lr, momentum, value, weightDecay, nesterov);
        }

        /**
         * These options with another weight decay.
         *
         * @param value the new weight decay
         * @return a copy of these options with it
         */
        public Options weightDecay(double value) {
            return new Options(lr, momentum, dampening, value, nesterov);
        }

        /**
         * These options with Nesterov momentum on or off.
         *
         * @param value whether to use it
         * @return a copy of these options with it
         */
        public Options nesterov(boolean value) {
            return new Options(lr, momentum, dampening, weightDecay, value);
        }
    }

    /**
     * SGD over {@code params} with learning rate {@code lr} and the other options' defaults.
     *
     * @param params the tensors to update
     * @param lr the learning rate
     */
    public SGD(Iterable<? extends Tensor> params, double lr) {
        this(params, Options.defaults().lr(lr));
    }

    /**
     * SGD over {@code params} with {@code options}.
     *
     * @param params the tensors to update
     * @param options the options of the one group
     */
    public SGD(Iterable<? extends Tensor> params, Options options) {
        this(oneGroup(params), options);
    }

    /**
     * SGD over param groups; a group without options of its own takes {@code defaults}.
     *
     * @param groups the param groups
     * @param defaults the options of the groups made without their own
     */
    public SGD(List<ParamGroup> groups, Options defaults) {
        super(groups, defaults);
    }

    @Override
    protected List<String> stateNames() {
        return List.of("momentum_buffer");
    }

    @Override
    protected void update(OptimizerOptions options, Tensor p, Tensor grad, Map<String, Tensor> state) {
        Options o = (Options) options;
        boolean first = o.momentum() != 0 && !state.containsKey("momentum_buffer");
        Tensor buf = o.momentum() == 0 ? null : state.computeIfAbsent("momentum_buffer", k -> zerosLike(p));
        FusedUpdates.sgd(
                name(),
                p,
                grad,
                buf,
                (float) o.lr(),
                (float) o.momentum(),
                (float) o.dampening(),
                (float) o.weightDecay(),
                o.nesterov(),
                first);
    }
}
