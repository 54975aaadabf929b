package org.grad4j.optim;

import java.util.List;
import org.grad4j.tensor.Tensor;

/**
 * Adam with decoupled weight decay, as {@code torch.optim.AdamW}: p −= lr·wd·p before the Adam
 * step, instead of adding wd·p to the gradient. Its options are {@link Adam.Options}, with a
 * default weight decay of 0.01.
 */
public final class AdamW extends Adam {
    /**
     * AdamW over {@code params} with learning rate {@code lr} and the other options' defaults.
     *
     * @param params the tensors to update
     * @param lr the learning rate
     */
    public AdamW(Iterable<? extends Tensor> params, double lr) {
        this(params, defaults().lr(lr));
    }

    /**
     * AdamW over {@code params} with {@code options}.
     *
     * @param params the tensors to update
     * @param options the options of the one group
     */
    public AdamW(Iterable<? extends Tensor> params, Options options) {
        this(oneGroup(params), options);
    }

    /**
     * AdamW over param groups; a group without options of its own takes {@code defaults}.
     *
     * @param groups the param groups
     * @param defaults the options of the groups made without their own
     */
    public AdamW(List<ParamGroup> groups, Options defaults) {
        super(groups, defaults, true);
    }

    /**
     * PyTorch's defaults for AdamW: Adam's, with weight decay 0.01.
     *
     * @return the default options
     */
    public static Options defaults() {
        return Options.defaults().weightDecay(0.01);
    }
}
