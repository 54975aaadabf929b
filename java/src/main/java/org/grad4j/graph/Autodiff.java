package org.grad4j.graph;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grad4j.autograd.Autograd;
import org.grad4j.tensor.Tensor;

/**
 * Symbolic differentiation: the graph of a forward graph and its gradients, made by recording the
 * forward and then the eager backward pass, so that each op's derivative is its own
 * {@code backward}, written once, and gradient accumulation means what it means in eager code.
 * The gradients are those of sum over outputs of (output · gradOutput), as
 * {@code torch.autograd.grad(outputs, wrt, grad_outputs)} gives them.
 *
 * <p>A backward that is not made of ops (one that calls kernels itself) cannot be recorded: it is a
 * {@link GraphBreakException} naming the op's backward.
 */
public final class Autodiff {
    private Autodiff() {}

    /**
     * The gradients with respect to every input and every parameter that requires grad or is given
     * to each run.
     *
     * @param forward the forward graph
     * @return the joint graph (see {@link #gradients(Graph, List)})
     * @throws GraphBreakException if an op's backward is not made of ops
     */
    public static Graph gradients(Graph forward) {
        List<String> wrt = new ArrayList<>();
        for (Node n : forward.nodes()) {
            if (n.kind() == Node.Kind.INPUT) {
                wrt.add(n.target());
            } else if (n.kind() == Node.Kind.PARAMETER) {
                Tensor bound = forward.boundParameter(n.target());
                if (bound == null || bound.requiresGrad()) {
                    wrt.add(n.target());
                }
            }
        }
        return gradients(forward, wrt);
    }

    /**
     * The joint graph. Its inputs are the forward's, then one output gradient per forward output,
     * named {@code gradOutput0}, {@code gradOutput1}, ...; its outputs are the forward's, then one
     * gradient per name in {@code wrt}, in that order (zeros where an output does not depend on it);
     * its state updates are the forward's.
     *
     * @param forward the forward graph
     * @param wrt names of the forward's inputs and parameters to differentiate with respect to
     * @return the joint graph
     * @throws IllegalArgumentException if a name is neither an input nor a parameter of the graph
     * @throws GraphBreakException if an op's backward is not made of ops
     */
    public static Graph gradients(Graph forward, List<String> wrt) {
        List<Value> inputs = forward.inputs();
        int k = inputs.size();
        Tensor[] examples = new Tensor[k + forward.outputs().size()];
        String[] names = new String[examples.length];
        Map<String, Tensor> leaves = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            names[i] = forward.producer(inputs.get(i)).target();
            examples[i] = Tensor.zeros(inputs.get(i).shape()).requiresGrad(wrt.contains(names[i]));
            leaves.put(names[i], examples[i]);
        }
        for (int i = 0; i < forward.outputs().size(); i++) {
            names[k + i] = "gradOutput" + i;
            examples[k + i] = Tensor.zeros(forward.outputs().get(i).shape());
        }
        Map<Tensor, String> parameterNames = new IdentityHashMap<>();
        Tracer tracer = new Tracer(parameterNames);
        Map<String, Tensor> given = new LinkedHashMap<>();
        Map<Tensor, Tensor> earlierGrads = new IdentityHashMap<>();
        for (Node n : forward.nodes()) {
            if (n.kind() != Node.Kind.PARAMETER) {
                continue;
            }
            String name = n.target();
            Tensor bound = forward.boundParameter(name);
            Tensor leaf;
            if (bound == null) {
                leaf = Tensor.zeros(n.output().shape()).requiresGrad(wrt.contains(name));
                tracer.unboundParameter(leaf, name);
                given.put(name, leaf);
            } else {
                leaf = bound;
                parameterNames.put(bound, name);
                if (wrt.contains(name) && !bound.requiresGrad()) {
                    throw new IllegalArgumentException(
                            "Autodiff: parameter '" + name + "' is bound to a tensor that does not require grad");
                }
                earlierGrads.put(bound, bound.grad());
                bound.setGrad(null);
            }
            leaves.put(name, leaf);
        }
        for (String name : wrt) {
            if (!leaves.containsKey(name)) {
                throw new IllegalArgumentException("Autodiff: '" + name + "' is neither an input nor a parameter of the"
                        + " graph; it has " + leaves.keySet());
            }
        }
        try {
            return tracer.trace(
                    in -> {
                        Graph.Run run = forward.evaluate(given, java.util.Arrays.copyOf(in, k));
                        Tensor[] outs = run.outputs();
                        run.updates().forEach((name, value) -> tracer.update(leaves.get(name), value));
                        backward(outs, java.util.Arrays.copyOfRange(in, k, in.length));
                        Tensor[] result = java.util.Arrays.copyOf(outs, outs.length + wrt.size());
                        for (int i = 0; i < wrt.size(); i++) {
                            Tensor leaf = leaves.get(wrt.get(i));
                            result[outs.length + i] = leaf.grad() != null ? leaf.grad() : Tensor.zeros(leaf.shape());
                        }
                        return result;
                    },
                    names,
                    examples);
        } finally {
            earlierGrads.forEach(Tensor::setGrad);
        }
    }

    /** Backward from each output that requires grad, with its output gradient. */
    private static void backward(Tensor[] outputs, Tensor[] gradOutputs) {
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i].requiresGrad()) {
                live.add(i);
            }
        }
        if (live.size() == 1) {
            Autograd.backward(outputs[live.get(0)], gradOutputs[live.get(0)], false);
        } else if (!live.isEmpty()) {
            Tensor total = null;
            for (int i : live) {
                Tensor term = outputs[i].mul(gradOutputs[i]).sum();
                total = total == null ? term : total.add(term);
            }
            Autograd.backward(total, null, false);
        }
    }
}
