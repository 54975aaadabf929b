package org.grad4j.internal.ops;

import org.grad4j.autograd.Function;

/**
 * A built-in differentiable op: its {@link #name()} is the public (PyTorch) name users call it by,
 * and its backward returns fresh tensors or views of the incoming gradient, never a tensor it keeps.
 */
abstract class Op extends Function {
    @Override
    protected final boolean backwardReturnsUnsharedGradients() {
        return true;
    }
}
