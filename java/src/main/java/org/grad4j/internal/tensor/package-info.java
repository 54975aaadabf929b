/**
 * A tensor's storage (the float buffer views share, its version counter, the per-thread reuse of
 * closed buffers), shape arithmetic with the one format of shape errors, the gradient hooks of
 * leaves and nodes, the per-thread settings behind {@link org.grad4j.tensor.Scope}, and
 * {@link org.grad4j.internal.tensor.TensorInternals}, the access grad4j's own packages have to a
 * tensor's internals. Not exported.
 */
package org.grad4j.internal.tensor;
