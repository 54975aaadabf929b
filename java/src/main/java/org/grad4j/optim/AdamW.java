package org.grad4j.optim;

import java.util.List;
import org.grad4j.nn.Parameter;

/**
 * Adam with decoupled weight decay, as {@code torch.optim.AdamW}: p −= lr·wd·p before the Adam
 * step, instead of adding wd·p to the gradient. Default weight decay 0.01.
 */
public final class AdamW extends Adam {
    public AdamW(Iterable<Parameter> params, double lr) {
        this(oneGroup(params), lr);
    }

    public AdamW(List<ParamGroup> groups, double lr) {
        super(groups, lr, 0.01, true);
    }
}
