/**
 * The differentiable ops: one {@code final} class per primitive, forward and backward side by side,
 * validating every argument (IllegalArgumentException naming the op and the shapes) before any
 * kernel runs. Users reach them through {@link org.grad4j.tensor.Tensor}'s methods; composite ops
 * are written there with these primitives. The gradient of each is listed in docs/derivatives.md.
 * Not exported.
 */
package org.grad4j.internal.ops;
