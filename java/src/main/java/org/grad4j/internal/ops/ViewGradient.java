package org.grad4j.internal.ops;

import org.grad4j.tensor.Tensor;

/**
 * An op whose output is a view of some elements of its one input (narrow, slice, select), so that
 * the input's gradient is zero except at those elements, where it is the output's gradient. The
 * backward pass uses it to add the gradients of many such views of one tensor (a sequence read
 * step by step) into one buffer, instead of making a zero tensor of the input's size for each.
 */
public interface ViewGradient {
    /**
     * The elements of {@code inputGradient}, a tensor of the input's shape, that the output took.
     *
     * @param inputGradient a contiguous tensor of the input's shape
     * @return a view of it of the output's shape
     */
    Tensor viewOf(Tensor inputGradient);
}
