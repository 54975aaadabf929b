package org.grad4j.nn;

import java.util.List;
import org.grad4j.tensor.Tensor;

/**
 * Modules applied one after another, named {@code 0}, {@code 1}, ... like {@code torch.nn.Sequential}.
 *
 * <pre>{@code
 * Module mlp = new Sequential(new Linear(784, 400), new ReLU(), new Linear(400, 10));
 * mlp.namedParameters().keySet();   // [0.weight, 0.bias, 2.weight, 2.bias]
 * }</pre>
 */
public class Sequential extends Module {
    /**
     * A chain of modules named {@code 0}, {@code 1}, ..., as {@code torch.nn.Sequential(*modules)}.
     *
     * @param modules the modules, in the order they run
     * @throws IllegalArgumentException if a module is null
     */
    public Sequential(Module... modules) {
        for (Module m : modules) {
            add(m);
        }
    }

    /**
     * Appends a module under the next index, as {@code torch.nn.Sequential.append}.
     *
     * @param module the module to run last
     * @return this container
     * @throws IllegalArgumentException if {@code module} is null
     */
    public Sequential add(Module module) {
        if (module == null) {
            throw new IllegalArgumentException(
                    "Sequential: module " + children().size() + " is null");
        }
        registerModule(Integer.toString(children().size()), module);
        return this;
    }

    /**
     * The module at an index, as {@code sequential[index]}.
     *
     * @param index the position, from 0
     * @return the module
     * @throws IllegalArgumentException if {@code index} is out of range
     */
    public Module get(int index) {
        List<Module> all = children();
        if (index < 0 || index >= all.size()) {
            throw new IllegalArgumentException(
                    "Sequential: index " + index + " out of range for " + all.size() + " modules");
        }
        return all.get(index);
    }

    /**
     * Number of modules, as {@code len(sequential)}.
     *
     * @return the count
     */
    public int size() {
        return children().size();
    }

    /**
     * Runs each module on the previous one's output.
     *
     * @param input the first module's input
     * @return the last module's output, or {@code input} when the container is empty
     */
    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module m : children()) {
            x = m.forward(x);
        }
        return x;
    }
}
