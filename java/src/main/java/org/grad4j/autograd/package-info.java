/**
 * Reverse-mode automatic differentiation, define-by-run: each {@link org.grad4j.autograd.Function}
 * call on inputs that require grad records a {@link org.grad4j.autograd.Node}; {@link
 * org.grad4j.autograd.Autograd} walks the nodes in reverse topological order and accumulates gradients
 * into leaves. Recording is per thread and switched off inside {@link
 * org.grad4j.autograd.GradMode#noGrad()} scopes. Graphs built on separate threads are independent.
 */
package org.grad4j.autograd;
