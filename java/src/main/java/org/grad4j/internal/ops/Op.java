package org.grad4j.internal.ops;

import org.grad4j.autograd.Function;
import org.grad4j.graph.Attributes;

/**
 * A built-in differentiable op: its {@link #name()} is the public (PyTorch) name users call it by,
 * and its backward returns fresh tensors or views of the incoming gradient, never a tensor it keeps.
 */
public abstract class Op extends Function {
    /**
     * The op's constant arguments, by the names a graph node records them under; with the op's
     * {@link #name()} they rebuild the op ({@link OpRegistry}).
     */
    public Attributes attributes() {
        return Attributes.of();
    }

    @Override
    protected final boolean backwardReturnsUnsharedGradients() {
        return true;
    }
}
