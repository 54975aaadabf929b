/**
 * Tensors: float32 values with a shape, strides and an offset over a storage that views share. Ops
 * return new tensors; only methods named with a trailing underscore write in place, besides
 * {@code matmul(other, out)}, which writes into the {@code out} it is given (PyTorch's
 * {@code out=}). Both bump the storage's version so autograd can detect a saved tensor that changed. Shapes broadcast as
 * in NumPy, and every shape error names the op and the shapes.
 */
package org.grad4j.tensor;
