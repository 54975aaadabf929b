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

    /** A module with no parameters, buffers or sub-modules yet, in training mode. */
    protected Module() {}

    /**
     * Computes the module's output, as {@code torch.nn.Module.forward}.
     *
     * @param input the input batch
     * @return the output
     */
    public abstract Tensor forward(Tensor input);

    /**
     * Registers a parameter under {@code name}, as {@code torch.nn.Module.register_parameter}.
     *
     * @param <P> the parameter's type
     * @param name the local name, non-empty and without dots
     * @param parameter the parameter; null registers nothing (e.g. no bias)
     * @return {@code parameter}
     * @throws IllegalArgumentException if the name is empty, has a dot or is already used
     */
    protected <P extends Parameter> P registerParameter(String name, P parameter) {
        checkName(name);
        if (parameter != null) {
            parameters.put(name, parameter);
        }
        return parameter;
    }

    /**
     * Registers a buffer: saved in the state dict, filled by loadStateDict, never learned, as
     * {@code torch.nn.Module.register_buffer}.
     *
     * @param name the local name, non-empty and without dots
     * @param buffer the tensor
     * @return {@code buffer}
     * @throws IllegalArgumentException if the name is empty, has a dot or is already used
     */
    protected Tensor registerBuffer(String name, Tensor buffer) {
        checkName(name);
        if (buffer != null) {
            org.grad4j.internal.tensor.TensorInternals.storage(buffer).escape();
        }
        buffers.put(name, buffer);
        return buffer;
    }

    /**
     * Registers a sub-module under {@code name}, as {@code torch.nn.Module.register_module}.
     *
     * @param <M> the sub-module's type
     * @param name the local name, non-empty and without dots
     * @param module the sub-module
     * @return {@code module}
     * @throws IllegalArgumentException if the name is empty, has a dot or is already used
     */
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

    /**
     * This module's own parameters by local name, for subclasses.
     *
     * @return the live map, in registration order
     */
    protected Map<String, Parameter> localParameters() {
        return parameters;
    }

    /**
     * This module's own buffers by local name, for subclasses.
     *
     * @return the live map, in registration order
     */
    protected Map<String, Tensor> localBuffers() {
        return buffers;
    }

    /**
     * Every parameter of this module and its descendants, in registration order, as
     * {@code torch.nn.Module.parameters}.
     *
     * @return a new list
     */
    public List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /**
     * Every parameter by dotted name, e.g. {@code "0.weight"}, {@code "fc1.bias"}, as
     * {@code torch.nn.Module.named_parameters}.
     *
     * @return a new map, in registration order
     */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect("", out, null);
        return out;
    }

    /**
     * Every buffer by dotted name, as {@code torch.nn.Module.named_buffers}.
     *
     * @return a new map, in registration order
     */
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

    /**
     * The direct sub-modules, in registration order, as {@code torch.nn.Module.children}.
     *
     * @return a new list
     */
    public List<Module> children() {
        return new ArrayList<>(children.values());
    }

    /**
     * The direct sub-modules by local name, as {@code torch.nn.Module.named_children}.
     *
     * @return a new map, in registration order
     */
    public Map<String, Module> namedChildren() {
        return new LinkedHashMap<>(children);
    }

    /**
     * This module and all its descendants, each after its own descendants (the order of
     * {@link #apply}).
     *
     * @return a new list ending with this module
     */
    public List<Module> modules() {
        List<Module> out = new ArrayList<>();
        apply(out::add);
        return out;
    }

    /**
     * Calls fn on every descendant and then on this module (children first), as
     * {@code torch.nn.Module.apply}.
     *
     * @param fn the function to call
     * @return this module
     */
    public Module apply(Consumer<Module> fn) {
        for (Module child : children.values()) {
            child.apply(fn);
        }
        fn.accept(this);
        return this;
    }

    /**
     * Training mode on or off for this module and its descendants (Dropout, BatchNorm care), as
     * {@code torch.nn.Module.train(mode)}.
     *
     * @param mode true for training, false for evaluation
     * @return this module
     */
    public Module train(boolean mode) {
        apply(m -> m.training = mode);
        return this;
    }

    /**
     * Training mode for this module and its descendants, as {@code torch.nn.Module.train()}.
     *
     * @return this module
     */
    public Module train() {
        return train(true);
    }

    /**
     * Evaluation mode: the same as {@code train(false)}, as {@code torch.nn.Module.eval}.
     *
     * @return this module
     */
    public Module eval() {
        return train(false);
    }

    /**
     * Whether this module is in training mode, as {@code torch.nn.Module.training}.
     *
     * @return true after {@link #train()} and at creation, false after {@link #eval()}
     */
    public boolean isTraining() {
        return training;
    }

    /**
     * Clears the gradient of every parameter (sets it to null), as {@code torch.nn.Module.zero_grad};
     * inside a {@link org.grad4j.tensor.TensorScope} the cleared gradients are released when the
     * scope closes.
     */
    public void zeroGrad() {
        for (Parameter p : parameters()) {
            org.grad4j.internal.tensor.ScopedStorages.clearGrad(p);
        }
    }

    /**
     * Parameters and buffers by dotted name, as {@code torch.nn.Module.state_dict}: a module's
     * parameters, then its buffers, then each child's state.
     *
     * @return a new map of the module's own tensors (not copies)
     */
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

    /**
     * Copies values from a state dict, requiring every key to match, as
     * {@code torch.nn.Module.load_state_dict}; see {@link #loadStateDict(Map, boolean)}.
     *
     * @param state tensors by dotted name
     * @throws IllegalArgumentException if a key is missing or unexpected, or a shape differs
     */
    public void loadStateDict(Map<String, Tensor> state) {
        loadStateDict(state, true);
    }

    /**
     * Copies values from {@code state} into this module's parameters and buffers (in place, so
     * optimizers keep working), as {@code torch.nn.Module.load_state_dict}. With {@code strict},
     * missing or unexpected keys are an error that lists them; shapes must always match.
     *
     * @param state tensors by dotted name
     * @param strict whether every key must match
     * @return the keys this module has that the state lacks, and the state's keys this module lacks
     * @throws IllegalArgumentException if {@code strict} and a key is missing or unexpected, or if a
     *     shape differs; nothing is copied then
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

    /**
     * Keys not matched by {@link #loadStateDict(Map, boolean)}, as PyTorch's
     * {@code _IncompatibleKeys}.
     *
     * @param missingKeys the module's keys the state lacks, sorted
     * @param unexpectedKeys the state's keys the module lacks, sorted
     */
    public record LoadResult(List<String> missingKeys, List<String> unexpectedKeys) {}

    /**
     * The part inside the parentheses of this module's line in {@link #toString()}, e.g.
     * {@code in_features=3}, as {@code torch.nn.Module.extra_repr}.
     *
     * @return the text; empty here
     */
    protected String extraRepr() {
        return "";
    }

    /**
     * PyTorch's module tree: {@code Sequential(\n  (0): Linear(in_features=2, out_features=3, bias=True)\n)}.
     *
     * @return the repr
     */
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
