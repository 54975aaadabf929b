package org.grad4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.grad4j.autograd.GradMode;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * The base of every layer and model, like {@code torch.nn.Module}: it owns parameters, buffers
 * (state that is saved but not learned, such as BatchNorm's running mean) and sub-modules, all
 * registered by name in the constructor, so that {@link #namedParameters()} and
 * {@link #stateDict()} use PyTorch's dotted names ({@code fc1.weight}, {@code 0.bias}).
 *
 * <pre>{@code
 * final class Net extends Module {
 *     private final Linear fc1 = registerModule("fc1", new Linear(784, 100));
 *     private final Linear fc2 = registerModule("fc2", new Linear(100, 10));
 *     public Tensor forward(Tensor x) {
 *         return fc2.forward(fc1.forward(x).relu());
 *     }
 * }
 * }</pre>
 */
public abstract class Module {
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Computes the module's output. */
    public abstract Tensor forward(Tensor input);

    /** Registers a parameter under {@code name} and returns it (null registers nothing, e.g. no bias). */
    protected <P extends Parameter> P registerParameter(String name, P parameter) {
        checkName(name);
        if (parameter != null) {
            parameters.put(name, parameter);
        }
        return parameter;
    }

    /** Registers a buffer: saved in the state dict, moved by loadStateDict, never learned. */
    protected Tensor registerBuffer(String name, Tensor buffer) {
        checkName(name);
        buffers.put(name, buffer);
        return buffer;
    }

    /** Registers a sub-module under {@code name} and returns it. */
    protected <M extends Module> M registerModule(String name, M module) {
        checkName(name);
        children.put(name, module);
        return module;
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(
                    getClass().getSimpleName() + ": invalid name '" + name + "' (non-empty, without dots)");
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name + "' is already used");
        }
    }

    /** This module's own parameters, buffers and children by local name (for subclasses). */
    protected Map<String, Parameter> localParameters() {
        return parameters;
    }

    protected Map<String, Tensor> localBuffers() {
        return buffers;
    }

    /** Every parameter of this module and its descendants, in registration order. */
    public List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Every parameter by dotted name, e.g. {@code "0.weight"}, {@code "fc1.bias"}. */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect("", out, null);
        return out;
    }

    /** Every buffer by dotted name. */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", null, out);
        return out;
    }

    private void collect(String prefix, Map<String, Parameter> params, Map<String, Tensor> bufs) {
        if (params != null) {
            parameters.forEach((k, v) -> params.put(prefix + k, v));
        }
        if (bufs != null) {
            buffers.forEach((k, v) -> bufs.put(prefix + k, v));
        }
        children.forEach((k, v) -> v.collect(prefix + k + ".", params, bufs));
    }

    /** The direct sub-modules, in registration order. */
    public List<Module> children() {
        return new ArrayList<>(children.values());
    }

    public Map<String, Module> namedChildren() {
        return new LinkedHashMap<>(children);
    }

    /** This module and all its descendants, depth first. */
    public List<Module> modules() {
        List<Module> out = new ArrayList<>();
        apply(out::add);
        return out;
    }

    /** Calls fn on this module and every descendant (children first, as PyTorch's apply). */
    public Module apply(Consumer<Module> fn) {
        for (Module child : children.values()) {
            child.apply(fn);
        }
        fn.accept(this);
        return this;
    }

    /** Training mode on or off for this module and its descendants (Dropout, BatchNorm care). */
    public Module train(boolean mode) {
        apply(m -> m.training = mode);
        return this;
    }

    public Module train() {
        return train(true);
    }

    /** Evaluation mode: the same as {@code train(false)}. */
    public Module eval() {
        return train(false);
    }

    public boolean isTraining() {
        return training;
    }

    /** Clears the gradient of every parameter. */
    public void zeroGrad() {
        for (Parameter p : parameters()) {
            p.setGrad(null);
        }
    }

    /** Parameters and buffers by dotted name; the tensors are the module's own (not copies). */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collectState("", out);
        return out;
    }

    /** PyTorch's order: a module's parameters, then its buffers, then each child's state. */
    private void collectState(String prefix, Map<String, Tensor> out) {
        parameters.forEach((k, v) -> out.put(prefix + k, v));
        buffers.forEach((k, v) -> out.put(prefix + k, v));
        children.forEach((k, v) -> v.collectState(prefix + k + ".", out));
    }

    /** Copies values from a state dict; strict: every key must match (see {@link #loadStateDict(Map, boolean)}). */
    public void loadStateDict(Map<String, Tensor> state) {
        loadStateDict(state, true);
    }

    /**
     * Copies values from {@code state} into this module's parameters and buffers (in place, so
     * optimizers keep working). With {@code strict}, missing or unexpected keys are an error that
     * lists them; shapes must always match.
     *
     * @return the keys this module has that the state lacks, and the state's keys this module lacks
     */
    public LoadResult loadStateDict(Map<String, Tensor> state, boolean strict) {
        Map<String, Tensor> own = stateDict();
        List<String> missing = new ArrayList<>(new TreeSet<>(own.keySet()));
        missing.removeAll(state.keySet());
        List<String> unexpected = new ArrayList<>(new TreeSet<>(state.keySet()));
        unexpected.removeAll(own.keySet());
        if (strict && (!missing.isEmpty() || !unexpected.isEmpty())) {
            throw new IllegalArgumentException("loadStateDict: error(s) loading the state of "
                    + getClass().getSimpleName() + ": missing keys " + missing + ", unexpected keys " + unexpected);
        }
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Tensor source = state.get(e.getKey());
            if (source != null && !Arrays.equals(source.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException("loadStateDict: size mismatch for " + e.getKey() + ": the state has "
                        + Shapes.str(source.shape()) + ", the module "
                        + Shapes.str(e.getValue().shape()));
            }
        }
        try (Scope ignored = GradMode.noGrad()) {
            for (Map.Entry<String, Tensor> e : own.entrySet()) {
                Tensor source = state.get(e.getKey());
                if (source != null) {
                    e.getValue().copy_(source);
                }
            }
        }
        return new LoadResult(missing, unexpected);
    }

    /** Keys not matched by {@link #loadStateDict(Map, boolean)}. */
    public record LoadResult(List<String> missingKeys, List<String> unexpectedKeys) {}

    /** The part inside the parentheses of this module's line in {@link #toString()}, e.g. {@code in_features=3}. */
    protected String extraRepr() {
        return "";
    }

    /** PyTorch's module tree: {@code Sequential(\n  (0): Linear(in_features=2, out_features=3, bias=True)\n)}. */
    @Override
    public String toString() {
        String name = getClass().getSimpleName();
        if (children.isEmpty()) {
            return name + "(" + extraRepr() + ")";
        }
        StringBuilder sb = new StringBuilder(name).append('(');
        if (!extraRepr().isEmpty()) {
            sb.append("\n  ").append(extraRepr());
        }
        children.forEach((k, v) ->
                sb.append("\n  (").append(k).append("): ").append(v.toString().replace("\n", "\n  ")));
        return sb.append("\n)").toString();
    }
}
