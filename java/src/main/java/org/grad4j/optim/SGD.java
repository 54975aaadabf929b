package org.grad4j.optim;

import java.util.List;
import java.util.Map;
import org.grad4j.backend.Backend;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.nn.Parameter;
import org.grad4j.tensor.Tensor;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and weight
 * decay, exactly as {@code torch.optim.SGD}: with d = g + wd·p, the buffer b = d on the first
 * step and μ·b + (1 − dampening)·d after; p −= lr·(nesterov ? d + μ·b : b).
 *
 * <pre>{@code
 * SGD opt = new SGD(model.parameters(), 0.1).momentum(0.9).nesterov(true);
 * }</pre>
 */
public final class SGD extends Optimizer {
    public SGD(Iterable<Parameter> params, double lr) {
        this(oneGroup(params), lr);
    }

    public SGD(List<ParamGroup> groups, double lr) {
        super(groups, Defaults.of("lr", lr, "momentum", 0, "dampening", 0, "weight_decay", 0, "nesterov", 0));
    }

    public SGD momentum(double value) {
        setDefault("momentum", value);
        return this;
    }

    public SGD dampening(double value) {
        setDefault("dampening", value);
        return this;
    }

    public SGD weightDecay(double value) {
        setDefault("weight_decay", value);
        return this;
    }

    public SGD nesterov(boolean value) {
        setDefault("nesterov", value ? 1 : 0);
        return this;
    }

    @Override
    protected String requirement(String option, double value) {
        return switch (option) {
            case "nesterov" -> Defaults.bool(value);
            default -> Defaults.nonNegative(value);
        };
    }

    @Override
    protected void checkGroup(ParamGroup g) {
        if (flag(g, "nesterov") && (g.get("momentum") <= 0 || g.get("dampening") != 0)) {
            throw new IllegalArgumentException("SGD: nesterov requires momentum > 0 and dampening = 0, got momentum "
                    + g.get("momentum") + " and dampening " + g.get("dampening"));
        }
    }

    @Override
    protected List<String> stateNames() {
        return List.of("momentum_buffer");
    }

    @Override
    protected void update(ParamGroup g, Parameter p, Tensor grad, Map<String, Tensor> state) {
        Tensor d = Updates.contiguous(name(), p, grad);
        float momentum = (float) g.get("momentum");
        boolean first = momentum != 0 && !state.containsKey("momentum_buffer");
        Tensor buf = momentum == 0 ? null : state.computeIfAbsent("momentum_buffer", k -> zerosLike(p));
        Backend.current()
                .sgdStep(
                        TensorInternals.data(p),
                        p.storageOffset(),
                        TensorInternals.data(d),
                        d.storageOffset(),
                        buf == null ? null : TensorInternals.data(buf),
                        p.numel(),
                        (float) g.lr(),
                        momentum,
                        (float) g.get("dampening"),
                        (float) g.get("weight_decay"),
                        flag(g, "nesterov"),
                        first);
        if (buf != null) {
            TensorInternals.storage(buf).bumpVersion();
        }
    }
}
