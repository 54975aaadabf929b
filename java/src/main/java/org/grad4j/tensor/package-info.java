/**
 * Tensors: float32 values with a shape, strides and an offset over a storage that views share. Ops
 * return new tensors; only methods named with a trailing underscore write in place, and they bump
 * the storage's version so autograd can detect a saved tensor that changed. Shapes broadcast as
 * in NumPy, and every shape error names the op and the shapes.
 */
package org.grad4j.tensor;
