package org.grad4j.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.grad4j.autograd.GradMode;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.nn.Parameter;
import org.grad4j.tensor.Tensor;

/**
 * Updates parameters from their gradients, like {@code torch.optim.Optimizer}: param groups
 * with their own options, {@link #zeroGrad()}, {@link #step()}, and a state that can be saved
 * and loaded. Subclasses define the options (with PyTorch's names and defaults), their valid
 * ranges, and the update of one parameter.
 */
public abstract class Optimizer {
    private final List<ParamGroup> groups;
    private final Map<String, Double> defaults = new LinkedHashMap<>();
    private final Map<Parameter, Map<String, Tensor>> state = new IdentityHashMap<>();

    protected Optimizer(List<ParamGroup> groups, Map<String, Double> defaults) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException(name() + ": got an empty parameter list");
        }
        this.groups = List.copyOf(groups);
        Set<Parameter> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        defaults.forEach(this::setDefault);
        for (int g = 0; g < this.groups.size(); g++) {
            ParamGroup group = this.groups.get(g);
            group.defaults(this.defaults);
            for (Parameter p : group.params()) {
                if (!seen.add(p)) {
                    throw new IllegalArgumentException(name() + ": a parameter appears in more than one param group");
                }
            }
            for (Map.Entry<String, Double> e : group.own().entrySet()) {
                if (!this.defaults.containsKey(e.getKey())) {
                    throw new IllegalArgumentException(name() + ": param group " + g + " sets unknown option '"
                            + e.getKey() + "' (have " + this.defaults.keySet() + ")");
                }
                check(e.getKey(), e.getValue());
            }
        }
    }

    protected static List<ParamGroup> oneGroup(Iterable<Parameter> params) {
        return List.of(new ParamGroup(params));
    }

    /** The class name, for messages. */
    public String name() {
        return getClass().getSimpleName();
    }

    public List<ParamGroup> paramGroups() {
        return groups;
    }

    /** Clears every parameter's gradient (PyTorch's default, set_to_none=True). */
    public void zeroGrad() {
        for (ParamGroup g : groups) {
            for (Parameter p : g.params()) {
                p.setGrad(null);
            }
        }
    }

    /** One update of every parameter that has a gradient. */
    public void step() {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            for (ParamGroup g : groups) {
                checkGroup(g);
                for (Parameter p : g.params()) {
                    if (p.grad() != null) {
                        update(g, p, p.grad(), state.computeIfAbsent(p, k -> new LinkedHashMap<>()));
                        TensorInternals.storage(p).bumpVersion();
                    }
                }
            }
        }
    }

    /** Updates p in place from its gradient; {@code state} is p's own, empty before its first step. */
    protected abstract void update(ParamGroup group, Parameter p, Tensor grad, Map<String, Tensor> state);

    /** Null if {@code value} is valid for the option, else what it must be (">= 0", "in [0, 1)"). */
    protected abstract String requirement(String option, double value);

    /** Checks options that depend on each other; called before each step. */
    protected void checkGroup(ParamGroup group) {}

    /** The names of the per-parameter state buffers, as PyTorch names them. */
    protected abstract List<String> stateNames();

    /** Sets an option's default for every group that does not set its own. */
    protected final void setDefault(String option, double value) {
        check(option, value);
        defaults.put(option, value);
    }

    protected final void check(String option, double value) {
        String required = requirement(option, value);
        if (required != null) {
            throw new IllegalArgumentException(name() + ": " + option + " must be " + required + ", got "
                    + (value == Math.rint(value) && Math.abs(value) < 1e15
                            ? Long.toString((long) value)
                            : Double.toString(value)));
        }
    }

    protected static boolean flag(ParamGroup g, String option) {
        return g.get(option) != 0;
    }

    /** A new zero buffer shaped like p. */
    protected static Tensor zerosLike(Tensor p) {
        return Tensor.zeros(p.shape());
    }

    /** The per-parameter step count, kept as a 0-d tensor as PyTorch does; incremented here. */
    protected static int nextStep(Map<String, Tensor> state) {
        Tensor step = state.computeIfAbsent("step", k -> Tensor.scalar(0f));
        step.fill_(step.item() + 1);
        return (int) step.item();
    }

    // ---------------------------------------------------------------- state

    /** A copy of the per-parameter state and of every group's options. */
    public OptimizerState stateDict() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        List<Parameter> params = allParams();
        for (int i = 0; i < params.size(); i++) {
            Map<String, Tensor> s = state.get(params.get(i));
            if (s != null) {
                for (Map.Entry<String, Tensor> e : s.entrySet()) {
                    tensors.put("state." + i + "." + e.getKey(), e.getValue().clone());
                }
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            values.put(
                    "param_groups." + g + ".params",
                    Integer.toString(groups.get(g).params().size()));
            for (Map.Entry<String, Double> e : groups.get(g).options().entrySet()) {
                values.put("param_groups." + g + "." + e.getKey(), Double.toString(e.getValue()));
            }
        }
        return new OptimizerState(tensors, values);
    }

    /** Replaces the state and group options with copies of a saved state's, after checking it fits. */
    public void loadStateDict(OptimizerState saved) {
        List<Parameter> params = allParams();
        List<Map<String, Double>> options = readGroups(saved.values());
        Map<Parameter, Map<String, Tensor>> loaded = new IdentityHashMap<>();
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
            loaded.computeIfAbsent(params.get(index), k -> new LinkedHashMap<>())
                    .put(key[2], e.getValue().clone());
        }
        for (int g = 0; g < groups.size(); g++) {
            for (Map.Entry<String, Double> e : options.get(g).entrySet()) {
                check(e.getKey(), e.getValue());
                groups.get(g).set(e.getKey(), e.getValue());
            }
        }
        state.clear();
        state.putAll(loaded);
    }

    private List<Map<String, Double>> readGroups(Map<String, String> values) {
        List<Map<String, Double>> options = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            options.add(new LinkedHashMap<>());
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            String[] key = e.getKey().split("\\.", 3);
            int g = key.length == 3 && key[0].equals("param_groups") ? parseIndex(key[1]) : -1;
            if (g < 0 || g >= groups.size()) {
                throw new IllegalArgumentException(name() + ".loadStateDict: unexpected key '" + e.getKey()
                        + "' for an optimizer with " + groups.size() + " param group(s)");
            }
            double value = parseValue(e);
            if (key[2].equals("params")) {
                if (value != groups.get(g).params().size()) {
                    throw new IllegalArgumentException(name() + ".loadStateDict: param group " + g + " has "
                            + (long) value + " parameters in the saved state, "
                            + groups.get(g).params().size()
                            + " here");
                }
            } else if (!defaults.containsKey(key[2])) {
                throw new IllegalArgumentException(name() + ".loadStateDict: unknown option '" + e.getKey() + "'");
            } else {
                options.get(g).put(key[2], value);
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            if (!values.containsKey("param_groups." + g + ".params")) {
                throw new IllegalArgumentException(name() + ".loadStateDict: the saved state has no param group " + g);
            }
        }
        return options;
    }

    private double parseValue(Map.Entry<String, String> e) {
        try {
            return Double.parseDouble(e.getValue());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(
                    name() + ".loadStateDict: '" + e.getKey() + "' is not a number: '" + e.getValue() + "'");
        }
    }

    private static int parseIndex(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private List<Parameter> allParams() {
        List<Parameter> all = new ArrayList<>();
        groups.forEach(g -> all.addAll(g.params()));
        return all;
    }
}
