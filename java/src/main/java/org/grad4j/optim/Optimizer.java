package org.grad4j.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.grad4j.autograd.GradMode;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * Updates parameters from their gradients, like {@code torch.optim.Optimizer}: param groups
 * with their own options, {@link #zeroGrad()}, {@link #step()}, and a state that can be saved
 * and loaded. Each optimizer has an options record (with PyTorch's names and defaults, checked
 * when made) and defines the update of one parameter. Optimizers see tensors, not modules:
 * {@code new Adam(model.parameters())} and {@code new Adam(List.of(w, b))} are the same.
 */
public abstract class Optimizer {
    private final List<ParamGroup> groups;
    private final OptimizerOptions defaults;
    private final Map<Tensor, Map<String, Tensor>> state = new IdentityHashMap<>();

    /**
     * An optimizer over {@code groups}; a group without options of its own takes {@code defaults}.
     *
     * @param groups the param groups, at least one, no parameter in two
     * @param defaults the options of the groups made without their own
     * @throws IllegalArgumentException if there are no groups, a parameter is in two groups, or a
     *     group's options are of another optimizer's type
     */
    protected Optimizer(List<ParamGroup> groups, OptimizerOptions defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        if (groups.isEmpty()) {
            throw new IllegalArgumentException(name() + ": got an empty parameter list");
        }
        this.groups = List.copyOf(groups);
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int g = 0; g < this.groups.size(); g++) {
            ParamGroup group = this.groups.get(g);
            if (group.options() == null) {
                group.options(defaults);
            } else if (group.options().getClass() != defaults.getClass()) {
                throw new IllegalArgumentException(name() + ": param group " + g + " has options of type "
                        + typeName(group.options()) + ", expected " + typeName(defaults));
            }
            for (Tensor p : group.params()) {
                if (!seen.add(p)) {
                    throw new IllegalArgumentException(name() + ": a parameter appears in more than one param group");
                }
            }
        }
    }

    /** "SGD.Options": the options record's name inside this package. */
    private static String typeName(OptimizerOptions options) {
        String name = options.getClass().getName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }

    /**
     * One group holding {@code params}.
     *
     * @param params the tensors to update
     * @return a list of one group that takes the optimizer's options
     */
    protected static List<ParamGroup> oneGroup(Iterable<? extends Tensor> params) {
        return List.of(new ParamGroup(params));
    }

    /**
     * The class name, for messages.
     *
     * @return the optimizer's name, such as {@code "Adam"}
     */
    public String name() {
        return getClass().getSimpleName();
    }

    /**
     * The param groups, in order.
     *
     * @return the groups, which schedules change the learning rate of
     */
    public List<ParamGroup> paramGroups() {
        return groups;
    }

    /**
     * Clears every parameter's gradient (PyTorch's default, set_to_none=True). Inside a {@link
     * org.grad4j.tensor.TensorScope} the cleared gradients are released when the scope closes,
     * so the next backward reuses their memory.
     */
    public void zeroGrad() {
        for (ParamGroup g : groups) {
            for (Tensor p : g.params()) {
                org.grad4j.internal.tensor.ScopedStorages.clearGrad(p);
            }
        }
    }

    /** One update of every parameter that has a gradient. */
    public void step() {
        try (Scope ignored = GradMode.noGrad()) {
            for (ParamGroup g : groups) {
                for (Tensor p : g.params()) {
                    if (p.grad() != null) {
                        Map<String, Tensor> s = state.computeIfAbsent(p, k -> new LinkedHashMap<>());
                        update(g.options(), p, p.grad(), s);
                        for (Tensor t : s.values()) {
                            // the state outlives any TensorScope the step runs in
                            TensorInternals.storage(t).escape();
                        }
                    }
                }
            }
        }
    }

    /**
     * Updates p in place from its gradient.
     *
     * @param options the options of p's group, of this optimizer's type
     * @param p the parameter
     * @param grad its gradient
     * @param state p's own state, empty before its first step
     */
    protected abstract void update(OptimizerOptions options, Tensor p, Tensor grad, Map<String, Tensor> state);

    /**
     * The names of the per-parameter state buffers, as PyTorch names them.
     *
     * @return the names that state dicts may hold
     */
    protected abstract List<String> stateNames();

    /**
     * A new zero buffer shaped like p.
     *
     * @param p a parameter
     * @return zeros of p's shape
     */
    protected static Tensor zerosLike(Tensor p) {
        return Tensor.zeros(p.shape());
    }

    /**
     * Increments the per-parameter step count, kept as a 0-d tensor as PyTorch does.
     *
     * @param state the parameter's state
     * @return the step number, from 1
     */
    protected static int nextStep(Map<String, Tensor> state) {
        Tensor step = state.computeIfAbsent("step", k -> Tensor.scalar(0f));
        step.fill_(step.item() + 1);
        return (int) step.item();
    }

    // ---------------------------------------------------------------- state

    /**
     * A copy of the per-parameter state and of every group's options.
     *
     * @return the state, keyed as PyTorch's state dict
     */
    public OptimizerState stateDict() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        List<Tensor> params = allParams();
        for (int i = 0; i < params.size(); i++) {
            Map<String, Tensor> s = state.get(params.get(i));
            if (s != null) {
                for (Map.Entry<String, Tensor> e : s.entrySet()) {
                    tensors.put("state." + i + "." + e.getKey(), e.getValue().clone());
                }
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            String prefix = "param_groups." + g + ".";
            values.put(
                    prefix + "params", Integer.toString(groups.get(g).params().size()));
            OptionValues.encode(groups.get(g).options()).forEach((k, v) -> values.put(prefix + k, v));
        }
        return new OptimizerState(tensors, values);
    }

    /**
     * Replaces the state and group options with copies of a saved state's, after checking it fits.
     *
     * @param saved a state from {@link #stateDict()} of an optimizer of this type over as many parameters
     * @throws IllegalArgumentException naming what does not fit: a key, a shape, an option, or a step
     *     count that is not a whole number &ge; 0
     */
    public void loadStateDict(OptimizerState saved) {
        List<Tensor> params = allParams();
        List<OptimizerOptions> options = readGroups(saved.values());
        Map<Tensor, Map<String, Tensor>> loaded = new IdentityHashMap<>();
        for (Map.Entry<String, Tensor> e : saved.tensors().entrySet()) {
            String[] key = e.getKey().split("\\.", 3);
            int index = key.length == 3 && key[0].equals("state") ? parseIndex(key[1]) : -1;
            if (index < 0 || index >= params.size() || !stateNames().contains(key[2])) {
                throw new IllegalArgumentException(name() + ".loadStateDict: unexpected key '" + e.getKey() + "' ("
                        + params.size() + " parameters; state names " + stateNames() + ")");
            }
            int[] expected =
                    key[2].equals("step") ? new int[0] : params.get(index).shape();
            if (!Arrays.equals(e.getValue().shape(), expected)) {
                throw new IllegalArgumentException(name() + ".loadStateDict: '" + e.getKey() + "' has shape "
                        + Shapes.str(e.getValue().shape()) + ", expected " + Shapes.str(expected));
            }
            if (key[2].equals("step")) {
                checkStep(e.getKey(), e.getValue().item());
            }
            loaded.computeIfAbsent(params.get(index), k -> new LinkedHashMap<>())
                    .put(key[2], e.getValue().clone());
        }
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).options(options.get(g));
        }
        state.clear();
        state.putAll(loaded);
    }

    private void checkStep(String key, float step) {
        if (!(step >= 0) || step != Math.rint(step) || step == Float.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    name() + ".loadStateDict: '" + key + "' must be a whole number of steps >= 0, got " + step);
        }
    }

    private List<OptimizerOptions> readGroups(Map<String, String> values) {
        List<Map<String, String>> byGroup = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            byGroup.add(new LinkedHashMap<>());
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            String[] key = e.getKey().split("\\.", 3);
            int g = key.length == 3 && key[0].equals("param_groups") ? parseIndex(key[1]) : -1;
            if (g < 0 || g >= groups.size()) {
                throw new IllegalArgumentException(name() + ".loadStateDict: unexpected key '" + e.getKey()
                        + "' for an optimizer with " + groups.size() + " param group(s)");
            }
            byGroup.get(g).put(key[2], e.getValue());
        }
        Class<? extends OptimizerOptions> type = defaults.getClass();
        Set<String> known = OptionValues.encode(defaults).keySet();
        List<OptimizerOptions> options = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Map<String, String> saved = byGroup.get(g);
            String count = saved.remove("params");
            if (count == null) {
                throw new IllegalArgumentException(name() + ".loadStateDict: the saved state has no param group " + g);
            }
            if (!count.equals(Integer.toString(groups.get(g).params().size()))) {
                throw new IllegalArgumentException(name() + ".loadStateDict: param group " + g + " has " + count
                        + " parameters in the saved state, "
                        + groups.get(g).params().size() + " here");
            }
            for (String option : saved.keySet()) {
                if (!known.contains(option)) {
                    throw new IllegalArgumentException(name() + ".loadStateDict: unknown option 'param_groups." + g
                            + "." + option + "' (have " + known + ")");
                }
            }
            options.add(OptionValues.decode(name() + ".loadStateDict", type, saved));
        }
        return options;
    }

    private static int parseIndex(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private List<Tensor> allParams() {
        List<Tensor> all = new ArrayList<>();
        groups.forEach(g -> all.addAll(g.params()));
        return all;
    }
}
