/**
 * Tensors: float32 values with a shape, strides and an offset over a shared {@link
 * org.grad4j.tensor.Storage}. Views share storage; ops return new tensors; only methods named with a
 * trailing underscore write in place, and they bump the storage's version so autograd can detect a
 * saved tensor that changed. Shapes broadcast as in NumPy. {@link org.grad4j.tensor.Shapes} builds
 * every shape error message, naming the op and the shapes.
 */
package org.grad4j.tensor;
